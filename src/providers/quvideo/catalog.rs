//! Every 趣视频 console operation, typed once, with the method PROVIDERS.md
//! §3 settles (the AppServer's source, not the document: submitTranscode,
//! createAudit and submitTabTranscode are POST). The one place a path is
//! written down. `refreshToken` is in no document: provisional.

use super::models::*;
use crate::api::Ack;
use crate::api::{
    ByIdFacts, CodedField, Lifecycle, ListFacts, State, StatusFacts, TimeForm, TitleFacts,
};

crate::operations! {
    pub static CATALOG, provider "quvideo", host "api", methods typed_methods;
    GetVideos => VideoPage { name "getVideos", function get_videos, GET, path "console/vod/getVideos" };
    SubmitTranscode => Ack { name "submitTranscode", function submit_transcode, POST, path "console/vod/submitTranscode" };
    CreateAudit => Ack { name "createAudit", function create_audit, POST, path "console/vod/createAudit" };
    SubmitTabTranscode => Ack { name "submitTabTranscode", function submit_tab_transcode, POST, path "console/vod/submitTabTranscode" };
    GetVideoById => Video { name "getVideoById", function get_video_by_id, GET, path "console/vod/getVideoById" };
    GetRecommendVideos => RecommendPage { name "getRecommendVideos", function get_recommend_videos, GET, path "console/vod/getRecommendVideos" };
    RecommendVideo => Ack { name "recommendVideo", function recommend_video, POST, path "console/vod/recommendVideo" };
    PushObjectCache => Ack { name "pushObjectCache", function push_object_cache, POST, path "console/vod/pushObjectCache" };
    GetRecommendVideoById => Video { name "getRecommendVideoById", function get_recommend_video_by_id, GET, path "console/vod/getRecommendVideoById" };
    DeleteVideoById => Ack { name "deleteVideoById", function delete_video_by_id, POST, path "console/vod/deleteVideoById" };
    DeleteRecommendById => Ack { name "deleteRecommendById", function delete_recommend_by_id, POST, path "console/vod/deleteRecommendById" };
    Login => ConsoleToken { name "login", function login, POST, path "console/user/login" };
    SignOut => Ack { name "signOut", function sign_out, POST, path "console/user/signOut" };
    RefreshToken => ConsoleToken { name "refreshToken", function refresh_token, POST, path "console/user/refreshToken", provisional };
}

/// What a video goes through, and which operations tell it (the CLI's
/// `status`, `wait`, `ls`, `urls`, `delete`; every binding's catalog JSON).
/// 趣视频 takes no uploads through the API; a video passes transcoding and
/// then, where the account reviews, `censorStatus`.
pub static LIFECYCLE: Lifecycle = Lifecycle {
    status: StatusFacts {
        operation: "getVideoById",
        id_param: "videoId",
        state: CodedField {
            field: "status",
            states: STATUS,
        },
        review: Some(CodedField {
            field: "censorStatus",
            states: CENSOR_STATUS,
        }),
        duplicate: None,
    },
    // getVideoById carries the play URLs (fileUrlList).
    urls: ByIdFacts {
        operation: "getVideoById",
        id_param: "videoId",
        fixed: &[],
    },
    play_urls_field: "fileUrlList",
    list: ListFacts {
        operation: "getVideos",
        page_param: "pageIndex",
        page_size_param: "pageSize",
        items_field: "videoList",
        total_field: "total",
        total_counts: "videos matching the filters, in all pages",
        columns: &[
            "videoId",
            "title",
            "status",
            "censorStatus",
            "size",
            "creationTime",
        ],
        coded: &[
            CodedField {
                field: "status",
                states: STATUS,
            },
            CodedField {
                field: "censorStatus",
                states: CENSOR_STATUS,
            },
        ],
        times: &[("creationTime", TimeForm::ChinaLocal)],
    },
    title: TitleFacts {
        operation: "getVideoById",
        id_param: "videoId",
        pointer: "/title",
    },
    delete: ByIdFacts {
        operation: "deleteVideoById",
        id_param: "videoId",
        fixed: &[],
    },
    upload: None,
    credentials: &[
        &["base_url", "user_name", "password"],
        &["base_url", "console_token"],
    ],
    config_schema: crate::api::schema_of::<super::Config>,
};

/// The VOD video states the App Server reports.
static STATUS: &[State] = &[
    State::working("Uploading", "uploading"),
    State::working("UploadSucc", "uploaded"),
    State::working("Transcoding", "transcoding"),
    State::working("Checking", "in review"),
    State::ready("Normal", "ready"),
    State::failed("UploadFail", "upload failed"),
    State::failed("TranscodeFail", "transcode failed"),
    State::failed("ProduceFail", "production failed"),
    State::blocked("Blocked", "blocked"),
];

/// `censorStatus` (审核状态): the seed document shows `onCensor`; the models
/// name `success` and `fail`; a console audit (`createAudit`) sets `Normal`
/// or `Blocked`. Empty: the account reviews nothing. Any other value is
/// not final (a wait is bounded by its timeout).
static CENSOR_STATUS: &[State] = &[
    State::settled("", "not reviewed"),
    State::working("onCensor", "in review"),
    State::ready("success", "passed review"),
    State::ready("Normal", "passed review"),
    State::blocked("fail", "rejected in review"),
    State::blocked("Blocked", "blocked in review"),
];

/// Looks an operation up by name.
pub fn find(name: &str) -> Option<&'static crate::api::OpSpec> {
    CATALOG.iter().find(|op| op.name == name)
}
