//! Every 趣视频 console operation, typed once, with the method PROVIDERS.md
//! §3 settles (the AppServer's source, not the document: submitTranscode,
//! createAudit and submitTabTranscode are POST). The one place a path is
//! written down. `refreshToken` is in no document: provisional.

use super::models::*;
use crate::api::Ack;

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

/// Looks an operation up by name.
pub fn find(name: &str) -> Option<&'static crate::api::OpSpec> {
    CATALOG.iter().find(|op| op.name == name)
}
