//! The table of Baijiayun operations: name, default path, and where the path
//! comes from. The one place a path is written down.

/// One API operation. `name` is stable (it keys [`super::Config::path_overrides`]
/// and the bindings' generic call); `path` is relative to `/openapi/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Op {
    pub name: &'static str,
    pub path: &'static str,
    /// The API number in the provider's document (0 for the callback-URL pair).
    pub api: u8,
    pub source: PathSource,
}

/// How sure we are of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathSource {
    /// Printed in the provider's document.
    Documented,
    /// Not printed anywhere we have (003's OCR lost API 41-58 paths): chosen
    /// in the document's naming style, and overridable per config.
    Provisional,
}

use PathSource::{Documented, Provisional};

macro_rules! ops {
    ($($ident:ident = $api:literal, $path:literal, $src:ident;)*) => {
        $(pub const $ident: Op = Op { name: $path, path: $path, api: $api, source: $src };)*
        /// Every operation, in document order.
        pub const ALL: &[Op] = &[$($ident),*];
    };
}

ops! {
    CREATE_KEY = 1, "partner/createkey", Documented;
    GET_UPLOAD_URL = 2, "video/getUploadUrl", Documented;
    GET_RESUME_UPLOAD_URL = 4, "video/getResumeUploadUrl", Documented;
    GET_STATUS = 5, "video/getStatus", Documented;
    GET_INFO = 6, "video/getInfo", Documented;
    GET_IMAGE = 7, "video/getImage", Documented;
    REMOVE_DEFINITION = 8, "video/removeDefinition", Documented;
    DELETE_ORIGIN_VIDEO = 9, "video/deleteOriginVideo", Documented;
    UPDATE = 10, "video/update", Documented;
    DELETE = 11, "video/delete", Documented;
    GET_CATEGORY_LIST = 12, "video/getCategoryList", Documented;
    GET_CATEGORY_INFO = 13, "video/getCategoryInfo", Documented;
    ADD_CATEGORY = 14, "video/addCategory", Documented;
    DELETE_CATEGORY = 15, "video/deleteCategory", Documented;
    GET_CATEGORY_VIDEO = 16, "video/getCategoryVideo", Documented;
    SET_VIDEO_CATEGORY = 17, "video/setVideoCategory", Documented;
    GET_PLAYER_TOKEN = 18, "video/getPlayerToken", Documented;
    GET_PLAYER_TOKEN_BATCH = 19, "video/getPlayerTokenBatch", Documented;
    GET_ACCOUNT_INFO = 20, "video_account/getAccountInfo", Documented;
    // API 21, 22, 24, 25: PROVIDERS.md calls these paths inferred; 001 prints them
    // in the section text, which is where they are taken from.
    GET_VIDEO_USED_FLOW = 21, "video_data/getUsedFlow", Documented;
    GET_ACCOUNT_USED_FLOW = 22, "video_account/getUsedFlow", Documented;
    GET_URL = 23, "video/getUrl", Documented;
    GET_VIDEO_PLAY_RECORD = 24, "video_data/getVideoPlayRecord", Documented;
    EXPORT_VIDEO_REPORT_BATCH = 25, "video_data/exportVideoReportBatch", Documented;
    SET_PUBLISH_STATUS = 26, "video/setPublishStatus", Documented;
    GET_SHARE_URL = 27, "video/getShareUrl", Documented;
    GET_VIDEO_PLAY_COUNT_RANK = 28, "video_data/getVideoPlayCountRank", Documented;
    GET_VIDEO_DAILY_PLAY_COUNT = 29, "video_data/getVideoDailyPlayCount", Documented;
    GET_PARTNER_DAILY_PLAY_COUNT = 30, "video_data/getPartnerDailyPlayCount", Documented;
    GET_VIDEO_LIST = 31, "video/getVideoList", Documented;
    UPLOAD_SUBTITLE = 32, "video/uploadSubtitle", Documented;
    GET_SUBTITLE_LIST = 33, "video/getSubtitleList", Documented;
    UPDATE_SUBTITLE = 34, "video/updateSubtitle", Documented;
    SET_DEFAULT_SUBTITLE = 35, "video/setDefaultSubtitle", Documented;
    DELETE_SUBTITLE = 36, "video/deleteSubtitle", Documented;
    GET_ACCOUNT_USED_FLOW_DETAIL = 37, "video_account/getUsedFlowDetail", Documented;
    GET_PRODUCT_USED_FLOW_DETAIL = 38, "video_data/getUsedFlowDetail", Documented;
    GET_STORAGE_AND_FLOW_INFO = 39, "video_account/getStorgeAndFlowInfo", Documented;
    TRANSCODE_AGAIN = 40, "video/transcodeAgain", Documented;
    CREATE_NOTICE = 41, "video/createNotice", Provisional;
    BIND_NOTICE = 42, "video/bindNotice", Provisional;
    GET_QUESTION_LIST = 43, "video/getQuestionList", Provisional;
    SAVE_QUESTION_LIST = 44, "video/saveQuestionList", Provisional;
    DELETE_QUESTIONS = 45, "video/deleteQuestion", Provisional;
    GET_VIDEOS_CATEGORY = 46, "video/getVideosCategory", Provisional;
    UPLOAD_DOCUMENT = 47, "video/uploadDocument", Provisional;
    SET_MARKERS = 48, "video/setMarker", Provisional;
    GET_MARKERS = 49, "video/getMarker", Provisional;
    SET_MARKER_JUMP = 50, "video/setMarkerJump", Provisional;
    GET_VIEWER_TOKEN = 51, "video/getViewerToken", Provisional;
    GET_USER_GROUPS = 52, "video/getUserGroupList", Provisional;
    ADD_USER_GROUP = 53, "video/addUserGroup", Provisional;
    REMOVE_USER_GROUP = 54, "video/deleteUserGroup", Provisional;
    GET_VIEWERS = 55, "video/getViewerList", Provisional;
    ADD_VIEWERS = 56, "video/addViewer", Provisional;
    REMOVE_VIEWERS = 57, "video/deleteViewer", Provisional;
    GET_ANSWER_RECORDS = 58, "video/getAnswerRecord", Provisional;
    SET_TRANSCODE_CALLBACK_URL = 0, "video_account/setTranscodeCallbackUrl", Documented;
    GET_TRANSCODE_CALLBACK_URL = 0, "video_account/getTranscodeCallbackUrl", Documented;
}

/// Looks an operation up by name.
pub fn find(name: &str) -> Option<&'static Op> {
    ALL.iter().find(|op| op.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_every_api_is_listed() {
        let mut names: Vec<_> = ALL.iter().map(|o| o.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), ALL.len());
        for api in (1..=58).filter(|n| *n != 3) {
            assert!(ALL.iter().any(|o| o.api == api), "API {api} missing");
        }
        assert!(ALL
            .iter()
            .all(|o| (o.source == Provisional) == (o.api >= 41)));
    }
}
