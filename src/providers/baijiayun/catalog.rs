//! Every Baijiayun operation, typed once: its request model, answer model,
//! name (the path under `/openapi/`, which keys `path_overrides`), the typed
//! method's name, and whether the path is printed in a document we have.
//! The one place a path is written down.
//!
//! API 41-58 are provisional: the 003 edition's OCR lost their paths, so they
//! are chosen in the document's naming style and overridable per config.
//! API 21, 22, 24 and 25 are taken from the section text of 001.

use super::models::*;
use crate::api::Ack;
use crate::api::{
    ByIdFacts, CodedField, Lifecycle, ListFacts, State, StatusFacts, TimeForm, TitleFacts,
    UploadFacts,
};

crate::operations! {
    pub static CATALOG, provider "baijiayun", host "api", methods typed_methods;
    CreateKey => PartnerKey { name "partner/createkey", function create_key, POST };
    GetUploadUrl => UploadUrl { name "video/getUploadUrl", function get_upload_url, POST };
    GetResumeUploadUrl => ResumeUploadUrl { name "video/getResumeUploadUrl", function get_resume_upload_url, POST };
    GetStatus => VideoStatus { name "video/getStatus", function get_status, POST };
    GetInfo => VideoInfo { name "video/getInfo", function get_info, POST };
    GetImage => VideoImages { name "video/getImage", function get_image, POST };
    RemoveDefinition => RemovedDefinition { name "video/removeDefinition", function remove_definition, POST };
    DeleteOriginVideo => Ack { name "video/deleteOriginVideo", function delete_origin_video, POST };
    Update => VideoId { name "video/update", function update, POST };
    Delete => VideoId { name "video/delete", function delete, POST };
    GetCategoryList => CategoryList { name "video/getCategoryList", function get_category_list, POST };
    GetCategoryInfo => CategoryNode { name "video/getCategoryInfo", function get_category_info, POST };
    AddCategory => CategoryNode { name "video/addCategory", function add_category, POST };
    DeleteCategory => DeletedCategory { name "video/deleteCategory", function delete_category, POST };
    GetCategoryVideo => CategoryVideos { name "video/getCategoryVideo", function get_category_video, POST };
    SetVideoCategory => VideoCategoryLevels { name "video/setVideoCategory", function set_video_category, POST };
    GetPlayerToken => PlayerToken { name "video/getPlayerToken", function get_player_token, POST };
    GetPlayerTokenBatch => PlayerTokens { name "video/getPlayerTokenBatch", function get_player_token_batch, POST };
    GetAccountInfo => AccountInfo { name "video_account/getAccountInfo", function get_account_info, POST };
    GetVideoUsedFlow => UsedFlow { name "video_data/getUsedFlow", function get_video_used_flow, POST };
    GetAccountUsedFlow => UsedFlow { name "video_account/getUsedFlow", function get_account_used_flow, POST };
    GetUrl => PlayUrls { name "video/getUrl", function get_url, POST };
    GetVideoPlayRecord => PlayRecords { name "video_data/getVideoPlayRecord", function get_video_play_record, POST };
    ExportVideoReportBatch => PlayRecords { name "video_data/exportVideoReportBatch", function export_video_report_batch, POST };
    SetPublishStatus => PublishStatus { name "video/setPublishStatus", function set_publish_status, POST };
    GetShareUrl => ShareUrls { name "video/getShareUrl", function get_share_url, POST };
    GetVideoPlayCountRank => PlayCountRank { name "video_data/getVideoPlayCountRank", function get_video_play_count_rank, POST };
    GetVideoDailyPlayCount => DailyPlayCount { name "video_data/getVideoDailyPlayCount", function get_video_daily_play_count, POST };
    GetPartnerDailyPlayCount => DailyPlayCount { name "video_data/getPartnerDailyPlayCount", function get_partner_daily_play_count, POST };
    GetVideoList => VideoList { name "video/getVideoList", function get_video_list, POST };
    UploadSubtitle => UploadedSubtitle { name "video/uploadSubtitle", function upload_subtitle, POST, file "subtitle" };
    GetSubtitleList => Option<Vec<Subtitle>> { name "video/getSubtitleList", function get_subtitle_list, POST };
    UpdateSubtitle => Ack { name "video/updateSubtitle", function update_subtitle, POST };
    SetDefaultSubtitle => Ack { name "video/setDefaultSubtitle", function set_default_subtitle, POST };
    DeleteSubtitle => Ack { name "video/deleteSubtitle", function delete_subtitle, POST };
    GetAccountUsedFlowDetail => UsedFlowDetail { name "video_account/getUsedFlowDetail", function get_account_used_flow_detail, POST };
    GetProductUsedFlowDetail => VideoFlowPage { name "video_data/getUsedFlowDetail", function get_product_used_flow_detail, POST };
    GetStorageAndFlowInfo => StorageAndFlow { name "video_account/getStorgeAndFlowInfo", function get_storage_and_flow_info, POST };
    TranscodeAgain => Retranscoding { name "video/transcodeAgain", function transcode_again, POST };
    CreateNotice => Notice { name "video/createNotice", function create_notice, POST, provisional };
    BindNotice => Ack { name "video/bindNotice", function bind_notice, POST, provisional };
    GetQuestionList => QuestionList { name "video/getQuestionList", function get_question_list, POST, provisional };
    SaveQuestionList => Ack { name "video/saveQuestionList", function save_question_list, POST, provisional };
    DeleteQuestions => Ack { name "video/deleteQuestion", function delete_questions, POST, provisional };
    GetVideosCategory => VideosCategory { name "video/getVideosCategory", function get_videos_category, POST, provisional };
    UploadDocument => Ack { name "video/uploadDocument", function upload_document, POST, provisional, file "file" };
    SetMarkers => Ack { name "video/setMarker", function set_markers, POST, provisional };
    GetMarkers => Markers { name "video/getMarker", function get_markers, POST, provisional };
    SetMarkerJump => Ack { name "video/setMarkerJump", function set_marker_jump, POST, provisional };
    GetViewerToken => ViewerToken { name "video/getViewerToken", function get_viewer_token, POST, provisional };
    GetUserGroups => UserGroups { name "video/getUserGroupList", function get_user_groups, POST, provisional };
    AddUserGroup => Ack { name "video/addUserGroup", function add_user_group, POST, provisional };
    RemoveUserGroup => Ack { name "video/deleteUserGroup", function remove_user_group, POST, provisional };
    GetViewers => Viewers { name "video/getViewerList", function get_viewers, POST, provisional };
    AddViewers => Ack { name "video/addViewer", function add_viewers, POST, provisional };
    RemoveViewers => Ack { name "video/deleteViewer", function remove_viewers, POST, provisional };
    GetAnswerRecords => AnswerRecords { name "video/getAnswerRecord", function get_answer_records, POST, provisional };
    SetTranscodeCallbackUrl => CallbackUrl { name "video_account/setTranscodeCallbackUrl", function set_transcode_callback_url, POST };
    GetTranscodeCallbackUrl => CallbackUrl { name "video_account/getTranscodeCallbackUrl", function get_transcode_callback_url, POST };
}

/// What a video goes through after the upload, and which operations tell it
/// (the CLI's `status`, `wait`, `ls`, `urls`, `delete`; every binding's
/// catalog JSON). A video's `status` codes are the document's (API 4).
pub static LIFECYCLE: Lifecycle = Lifecycle {
    status: StatusFacts {
        operation: "video/getStatus",
        id_param: "video_id",
        state: CodedField {
            field: "status",
            states: STATUS,
        },
        review: None,
        duplicate: None,
    },
    urls: ByIdFacts {
        operation: "video/getUrl",
        id_param: "video_id",
        fixed: &[],
    },
    play_urls_field: "play_info",
    list: ListFacts {
        operation: "video/getVideoList",
        page_param: "page",
        page_size_param: "page_size",
        items_field: "list",
        total_field: "total",
        total_counts: "videos in all pages",
        columns: &["video_id", "name", "status", "total_size", "create_time"],
        coded: &[CodedField {
            field: "status",
            states: STATUS,
        }],
        times: &[("create_time", TimeForm::ChinaLocal)],
    },
    title: TitleFacts {
        operation: "video/getInfo",
        id_param: "video_id",
        pointer: "/name",
    },
    delete: ByIdFacts {
        operation: "video/delete",
        id_param: "video_id",
        fixed: &[],
    },
    upload: Some(UploadFacts {
        id_field: "video_id",
        part_size_switches: &["ranged"],
        concurrency_option: None,
        cancel: None,
        duplicate_field: None,
    }),
    // The secret_key alone will do: the client fetches the partner key with it.
    credentials: &[
        &["partner_id", "partner_key"],
        &["partner_id", "secret_key"],
    ],
    config_schema: crate::api::schema_of::<super::Config>,
};

/// A video's `status` (API 4 `video/getStatus`, and the list's).
static STATUS: &[State] = &[
    State::working("10", "uploading"),
    State::working("20", "transcoding"),
    State::failed("30", "transcode failed"),
    State::failed("31", "transcode timed out"),
    State::failed("32", "upload timed out"),
    State::ready("100", "ready"),
];

/// Looks an operation up by name.
pub fn find(name: &str) -> Option<&'static crate::api::OpSpec> {
    CATALOG.iter().find(|op| op.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_functions_are_unique_and_documented() {
        for key in [
            |o: &crate::api::OpSpec| o.name,
            |o: &crate::api::OpSpec| o.function,
        ] {
            let mut names: Vec<_> = CATALOG.iter().map(key).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), CATALOG.len());
        }
        assert_eq!(
            CATALOG.len(),
            59,
            "API 1-58 except 3, and the callback-URL pair"
        );
        assert_eq!(CATALOG.iter().filter(|o| o.provisional).count(), 18);
        for op in CATALOG {
            let info = crate::api::OperationInfo::of(op, op.path);
            assert!(!info.doc.is_empty(), "{} has no doc", op.name);
            for p in &info.params {
                assert!(
                    !p.doc.is_empty(),
                    "{}: parameter {} has no doc",
                    op.name,
                    p.name
                );
                assert_ne!(p.ty, "any", "{}: parameter {} has no type", op.name, p.name);
            }
        }
    }

    /// Reads `params` as the JSON generic call does and validates the request.
    fn validate_json<O: crate::api::Operation>(params: serde_json::Value) -> crate::Result<()> {
        let request: O = crate::api::from_json_redacted(&params, O::SPEC.name)?;
        crate::api::Validate::validate(&request)
    }

    #[track_caller]
    fn assert_refused<O: crate::api::Operation>(params: serde_json::Value, message: &str) {
        let err = validate_json::<O>(params.clone()).unwrap_err();
        assert_eq!(
            err.kind(),
            crate::error::ErrorKind::InvalidInput,
            "{params}: {err}"
        );
        assert!(err.message().contains(message), "{params}: {err}");
    }

    #[test]
    fn the_json_path_validates_like_the_typed_methods() {
        use serde_json::json;

        // Paged.
        assert!(validate_json::<GetVideoList>(json!({ "page": 1, "page_size": 1000 })).is_ok());
        assert_refused::<GetVideoList>(json!({ "page": 0 }), "page must be >= 1");
        assert_refused::<GetVideoList>(json!({ "page_size": 1001 }), "page_size must be 1..=1000");
        assert_refused::<GetCategoryVideo>(
            json!({ "category_id": 1, "page_size": 101 }),
            "page_size must be 1..=100",
        );
        assert_refused::<GetViewers>(
            json!({ "video_unique": "1", "page_size": 500 }),
            "page_size must be 1..=100",
        );

        // Id lists.
        assert!(validate_json::<DeleteOriginVideo>(json!({ "video_ids": "1,2" })).is_ok());
        assert_refused::<DeleteOriginVideo>(json!({ "video_ids": "" }), "video_ids is empty");
        assert_refused::<GetPlayerTokenBatch>(
            json!({ "video_ids": "1,x", "expires_in": 0 }),
            "video_ids must be comma-separated integers",
        );
        assert_refused::<AddViewers>(
            json!({ "video_unique": "1", "user_ids": "" }),
            "user_ids is empty",
        );
        assert_refused::<AddViewers>(
            json!({ "video_unique": "abc", "user_ids": "1" }),
            "video_unique",
        );

        // getUploadUrl.
        let upload = json!({ "file_name": "a.mp4", "definition": "16,1" });
        assert!(validate_json::<GetUploadUrl>(upload).is_ok());
        assert_refused::<GetUploadUrl>(
            json!({ "file_name": " ", "definition": "16" }),
            "file_name is empty",
        );
        assert_refused::<GetUploadUrl>(
            json!({ "file_name": "a.mp4", "definition": "3" }),
            "definition: 3 is not one of",
        );
        assert_refused::<GetUploadUrl>(
            json!({ "file_name": "a.mp4", "definition": "" }),
            "definition: give at least one value",
        );
        assert_refused::<GetUploadUrl>(
            json!({ "file_name": "a.mp4", "definition": "16", "format": "8" }),
            "format: 8 is not one of",
        );
        assert_refused::<GetUploadUrl>(
            json!({ "file_name": "a.mp4", "definition": "16", "callback_url": "ftp://x" }),
            "callback_url must start with http:// or https://",
        );

        // Dates and times.
        let range = |start: &str, end: &str| json!({ "start_date": start, "end_date": end });
        assert!(validate_json::<GetAccountUsedFlow>(range("2017-08-01", "2017-08-03")).is_ok());
        assert_refused::<GetAccountUsedFlow>(range("2017-8-01", "2017-08-03"), "yyyy-mm-dd");
        assert_refused::<GetAccountUsedFlow>(range("2017-08-03", "2017-08-01"), "is after");
        assert_refused::<GetVideoUsedFlow>(
            json!({ "video_id": 1, "start_date": "2017-08-31", "end_date": "2017-09-01" }),
            "same month",
        );
        assert_refused::<GetVideoPlayRecord>(
            json!({ "video_id": 1, "start_time": "2017-09-08 00:30:00", "end_time": "2017-09-09 00:00:00" }),
            "same day",
        );
        assert_refused::<GetProductUsedFlowDetail>(
            json!({ "product_type": 5, "date": "2017-08" }),
            "yyyy-mm-dd",
        );

        // Others moved from the typed methods.
        assert_refused::<SetMarkerJump>(json!({ "video_unique": "1", "jump": 2 }), "jump");
        assert_refused::<GetViewerToken>(json!({ "name": "x" }), "missing field `user_number`");
        assert_refused::<GetViewerToken>(json!({ "user_number": 0 }), "user_number must be > 0");
        assert_refused::<SetPublishStatus>(
            json!({ "video_id": 1, "status": 0 }),
            "status must be 1",
        );
        assert_refused::<RemoveDefinition>(
            json!({ "video_id": 1, "definition": "16", "type": "16" }),
            "type: 16 is not one of",
        );
        assert_refused::<CreateNotice>(json!({ "notice": [] }), "at least one line");
        assert_refused::<SaveQuestionList>(
            json!({ "video_unique": "1", "question_list": [{ "title": "t" }] }),
            "has no options",
        );
        assert_refused::<AddCategory>(
            json!({ "name": "", "parent_id": 0 }),
            "category name is empty",
        );
        assert_refused::<SetTranscodeCallbackUrl>(json!({ "url": "x" }), "url must start with");
    }

    #[test]
    fn attached_files_are_checked_by_type() {
        use crate::api::Validate;
        let dir = tempfile::tempdir().unwrap();
        let txt = dir.path().join("notes.txt");
        std::fs::write(&txt, "x").unwrap();
        let subtitle = UploadSubtitle {
            name: "x".into(),
            video_id: 1,
        };
        let err = subtitle.check_file(&txt).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::InvalidInput);
        assert!(
            err.message().contains("subtitles must be .vtt or .srt"),
            "{err}"
        );
        let document = UploadDocument {
            video_unique: "1".into(),
        };
        assert!(document.check_file(&txt).is_ok());
    }

    #[test]
    fn saved_questions_carry_the_video() {
        let request: SaveQuestionList = serde_json::from_value(serde_json::json!({
            "video_unique": "7",
            "question_list": [{ "title": "t", "option_list": [{ "value": "a", "is_right": 1 }] }]
        }))
        .unwrap();
        assert!(crate::api::Validate::validate(&request).is_ok());
        let wire = serde_json::to_value(&request).unwrap();
        assert_eq!(wire["question_list"][0]["video_unique"], "7");
        let mut other = request.clone();
        other.question_list[0].video_unique = "8".into();
        assert!(crate::api::Validate::validate(&other).is_err());
    }
}

// Request models without checks of their own (the others implement
// [`crate::api::Validate`] beside their definition).
crate::no_validation!(
    GetResumeUploadUrl,
    GetStatus,
    GetInfo,
    GetImage,
    Delete,
    GetCategoryList,
    GetPlayerToken,
    GetAccountInfo,
    GetUrl,
    GetShareUrl,
    GetSubtitleList,
    SetDefaultSubtitle,
    DeleteSubtitle,
    GetStorageAndFlowInfo,
    GetTranscodeCallbackUrl,
);
