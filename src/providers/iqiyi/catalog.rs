//! Every iQiyi operation, typed once. Names are the document's paths without
//! the leading `/api/` or `/` (they key `path_overrides`); hosts are the
//! config's `upload` (upload.iqiyi.com) and `openapi` (openapi.iqiyi.com).
//! Chunks go to the URL `openupload` returns, not through the catalog.

use super::models::oauth::*;
use super::models::upload::*;
use super::models::video::*;
use crate::api::Ack;

crate::operations! {
    pub static UPLOAD_OPS, provider "iqiyi", host "upload", methods upload_methods;
    OpenUpload => UploadSlot { name "openupload", function open_upload, GET };
    UploadFinish => Ack { name "uploadfinish", function upload_finish, POST };
    CancelUpload => Ack { name "cancelupload", function cancel_upload, POST };
}

crate::operations! {
    pub static OPENAPI_OPS, provider "iqiyi", host "openapi", methods openapi_methods;
    SetFileInfo => Ack { name "file/info", function set_file_info, GET, path "api/file/info" };
    Authorize => TokenGrant { name "iqiyi/authorize", function authorize, GET, path "api/iqiyi/authorize" };
    RefreshToken => TokenGrant { name "oauth2/token", function refresh_token, GET, path "api/oauth2/token" };
    FullStatus => VideoStatus { name "file/fullStatus", function full_status, GET, path "api/file/fullStatus" };
    VideoListForExternal => VideoPage { name "file/videoListForExternal", function video_list, GET, path "api/file/videoListForExternal" };
    UrlList => PlayUrls { name "file/urllist", function url_list, GET, path "api/file/urllist" };
    DeleteFiles => Ack { name "file/delete", function delete, GET, path "api/file/delete" };
}

/// Every operation, in document order.
pub static CATALOG: &[crate::api::OpSpec] = &[
    <OpenUpload as crate::api::Operation>::SPEC,
    <UploadFinish as crate::api::Operation>::SPEC,
    <CancelUpload as crate::api::Operation>::SPEC,
    <SetFileInfo as crate::api::Operation>::SPEC,
    <Authorize as crate::api::Operation>::SPEC,
    <RefreshToken as crate::api::Operation>::SPEC,
    <FullStatus as crate::api::Operation>::SPEC,
    <VideoListForExternal as crate::api::Operation>::SPEC,
    <UrlList as crate::api::Operation>::SPEC,
    <DeleteFiles as crate::api::Operation>::SPEC,
];

/// Looks an operation up by name.
pub fn find(name: &str) -> Option<&'static crate::api::OpSpec> {
    CATALOG.iter().find(|op| op.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_is_complete_and_documented() {
        assert_eq!(UPLOAD_OPS.len() + OPENAPI_OPS.len(), CATALOG.len());
        let mut names: Vec<_> = CATALOG.iter().map(|o| o.name).collect();
        names.sort();
        assert_eq!(
            names,
            [
                "cancelupload",
                "file/delete",
                "file/fullStatus",
                "file/info",
                "file/urllist",
                "file/videoListForExternal",
                "iqiyi/authorize",
                "oauth2/token",
                "openupload",
                "uploadfinish"
            ]
        );
        for op in CATALOG {
            let info = crate::api::OperationInfo::of(op, op.path);
            assert!(!info.doc.is_empty(), "{} has no doc", op.name);
            for p in &info.params {
                assert!(!p.doc.is_empty(), "{}: {} has no doc", op.name, p.name);
                assert_ne!(p.ty, "any", "{}: {} has no type", op.name, p.name);
            }
        }
    }
}
