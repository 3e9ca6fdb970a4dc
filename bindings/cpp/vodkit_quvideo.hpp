// vodkit_quvideo.hpp: typed C++ methods for every Quvideo operation.
//
// DO NOT EDIT: generated from vodkit's operation catalog by `cargo run -p vodkit-codegen`
// (codegen/src/cpp.rs); codegen/tests/drift.rs fails when this file is stale.
#ifndef VODKIT_QUVIDEO_HPP
#define VODKIT_QUVIDEO_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vodkit.hpp"

namespace vodkit {

/// A client of Quvideo: vodkit::Client with one typed method per operation of
/// its catalog (`operations()`). Each builds the operation's JSON parameters
/// (optional ones left out when empty), calls it, and returns the answer's
/// data as JSON.
class Quvideo : public Client {
public:
    /// The provider name clients are built with.
    static constexpr const char *provider_name = "quvideo";

    /// Every operation, in catalog order: its name, its function, and its method here.
    static constexpr std::array<OperationMethod, 14> operation_methods = {{
        {"getVideos", "get_videos", "get_videos"},
        {"submitTranscode", "submit_transcode", "submit_transcode"},
        {"createAudit", "create_audit", "create_audit"},
        {"submitTabTranscode", "submit_tab_transcode", "submit_tab_transcode"},
        {"getVideoById", "get_video_by_id", "get_video_by_id"},
        {"getRecommendVideos", "get_recommend_videos", "get_recommend_videos"},
        {"recommendVideo", "recommend_video", "recommend_video"},
        {"pushObjectCache", "push_object_cache", "push_object_cache"},
        {"getRecommendVideoById", "get_recommend_video_by_id", "get_recommend_video_by_id"},
        {"deleteVideoById", "delete_video_by_id", "delete_video_by_id"},
        {"deleteRecommendById", "delete_recommend_by_id", "delete_recommend_by_id"},
        {"login", "login", "login"},
        {"signOut", "sign_out", "sign_out"},
        {"refreshToken", "refresh_token", "refresh_token"},
    }};

    /// A client from its JSON config (see vodkit::Client).
    explicit Quvideo(const std::string &config_json) : Client(provider_name, config_json) {}

    /// Lists the app users' videos matching the filters, a page at a time.
    /// `getVideos`.
    ///
    /// `getVideos` (GET api:console/vod/getVideos).
    /// @param pageIndex The page, from 1 (default 1; always sent). Optional.
    /// @param pageSize Videos per page (default 10; always sent). Optional.
    /// @param videoId Only this video. Optional.
    /// @param userId Only this app user's videos. Optional.
    /// @param title Only videos with this title. Optional.
    /// @param startTime Created at or after this time (`2019-01-09 22:11:29`). Optional.
    /// @param endTime Created at or before this time. Optional.
    /// @param userName Only this app user's videos, by name. Optional.
    /// @param censorStatus Only videos in this review state (`onCensor`, `success`, `fail`, …). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_videos(
        std::optional<int64_t> pageIndex = std::nullopt,
        std::optional<int64_t> pageSize = std::nullopt,
        const std::optional<std::string> &videoId = std::nullopt,
        const std::optional<std::string> &userId = std::nullopt,
        const std::optional<std::string> &title = std::nullopt,
        const std::optional<std::string> &startTime = std::nullopt,
        const std::optional<std::string> &endTime = std::nullopt,
        const std::optional<std::string> &userName = std::nullopt,
        const std::optional<std::string> &censorStatus = std::nullopt) const {
        json::Object params_;
        params_.add("pageIndex", pageIndex);
        params_.add("pageSize", pageSize);
        params_.add("videoId", videoId);
        params_.add("userId", userId);
        params_.add("title", title);
        params_.add("startTime", startTime);
        params_.add("endTime", endTime);
        params_.add("userName", userName);
        params_.add("censorStatus", censorStatus);
        return this->call("getVideos", params_.str());
    }

    /// Starts a normal (not narrow-band HD) transcode of a video.
    /// `submitTranscode`.
    ///
    /// `submitTranscode` (POST api:console/vod/submitTranscode).
    /// @param mediaId The video (its `videoId`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string submit_transcode(const std::string &mediaId) const {
        json::Object params_;
        params_.add("mediaId", mediaId);
        return this->call("submitTranscode", params_.str());
    }

    /// Reviews a video by hand: block it (with a reason) or pass it.
    /// `createAudit`.
    ///
    /// `createAudit` (POST api:console/vod/createAudit).
    /// @param mediaId The video (its `videoId`).
    /// @param status `Blocked` or `Normal`.
    /// @param reason Why it is blocked: required when blocking, at most 128 bytes (UTF-8). Optional.
    /// @param comment A note for the back office. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string create_audit(
        const std::string &mediaId,
        const std::string &status,
        const std::optional<std::string> &reason = std::nullopt,
        const std::optional<std::string> &comment = std::nullopt) const {
        json::Object params_;
        params_.add("mediaId", mediaId);
        params_.add("status", status);
        params_.add("reason", reason);
        params_.add("comment", comment);
        return this->call("createAudit", params_.str());
    }

    /// Starts a narrow-band HD transcode of a video. `submitTabTranscode`.
    ///
    /// `submitTabTranscode` (POST api:console/vod/submitTabTranscode).
    /// @param mediaId The video (its `videoId`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string submit_tab_transcode(const std::string &mediaId) const {
        json::Object params_;
        params_.add("mediaId", mediaId);
        return this->call("submitTabTranscode", params_.str());
    }

    /// Everything about one video. `getVideoById`.
    ///
    /// `getVideoById` (GET api:console/vod/getVideoById).
    /// @param videoId The video.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_video_by_id(const std::string &videoId) const {
        json::Object params_;
        params_.add("videoId", videoId);
        return this->call("getVideoById", params_.str());
    }

    /// Lists the recommended videos matching the filters, a page at a time.
    /// `getRecommendVideos`.
    ///
    /// `getRecommendVideos` (GET api:console/vod/getRecommendVideos).
    /// @param pageIndex The page, from 1 (default 1; always sent). Optional.
    /// @param pageSize Videos per page (default 10; always sent). Optional.
    /// @param videoId Only this video. Optional.
    /// @param userId Only this app user's videos. Optional.
    /// @param title Only videos with this title. Optional.
    /// @param startTime Created at or after this time (`2019-01-09 22:11:29`). Optional.
    /// @param endTime Created at or before this time. Optional.
    /// @param userName Only this app user's videos, by name. Optional.
    /// @param censorStatus Only videos in this review state (`onCensor`, `success`, `fail`, …). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_recommend_videos(
        std::optional<int64_t> pageIndex = std::nullopt,
        std::optional<int64_t> pageSize = std::nullopt,
        const std::optional<std::string> &videoId = std::nullopt,
        const std::optional<std::string> &userId = std::nullopt,
        const std::optional<std::string> &title = std::nullopt,
        const std::optional<std::string> &startTime = std::nullopt,
        const std::optional<std::string> &endTime = std::nullopt,
        const std::optional<std::string> &userName = std::nullopt,
        const std::optional<std::string> &censorStatus = std::nullopt) const {
        json::Object params_;
        params_.add("pageIndex", pageIndex);
        params_.add("pageSize", pageSize);
        params_.add("videoId", videoId);
        params_.add("userId", userId);
        params_.add("title", title);
        params_.add("startTime", startTime);
        params_.add("endTime", endTime);
        params_.add("userName", userName);
        params_.add("censorStatus", censorStatus);
        return this->call("getRecommendVideos", params_.str());
    }

    /// Adds a video to the recommended list, with what the app shows of it.
    /// `recommendVideo`.
    ///
    /// `recommendVideo` (POST api:console/vod/recommendVideo).
    /// @param videoId The video.
    /// @param title (string). Optional.
    /// @param userId The app user who uploaded it. Optional.
    /// @param description (string). Optional.
    /// @param duration Seconds. Optional.
    /// @param coverUrl (string). Optional.
    /// @param size Bytes of the source file. Optional.
    /// @param tags Comma-separated tags. Optional.
    /// @param cateId (string). Optional.
    /// @param cateName (string). Optional.
    /// @param firstFrameUrl (string). Optional.
    /// @param transcodeStatus Normal (not narrow-band) transcode status. Optional.
    /// @param snapshotStatus (string). Optional.
    /// @param censorStatus (string). Optional.
    /// @param isNarrow Whether it is narrow-band HD. Optional.
    /// @param isCache Whether it was pushed to the cache. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string recommend_video(
        const std::string &videoId,
        const std::optional<std::string> &title = std::nullopt,
        const std::optional<std::string> &userId = std::nullopt,
        const std::optional<std::string> &description = std::nullopt,
        const std::optional<std::string> &duration = std::nullopt,
        const std::optional<std::string> &coverUrl = std::nullopt,
        const std::optional<std::string> &size = std::nullopt,
        const std::optional<std::string> &tags = std::nullopt,
        const std::optional<std::string> &cateId = std::nullopt,
        const std::optional<std::string> &cateName = std::nullopt,
        const std::optional<std::string> &firstFrameUrl = std::nullopt,
        const std::optional<std::string> &transcodeStatus = std::nullopt,
        const std::optional<std::string> &snapshotStatus = std::nullopt,
        const std::optional<std::string> &censorStatus = std::nullopt,
        const std::optional<std::string> &isNarrow = std::nullopt,
        const std::optional<std::string> &isCache = std::nullopt) const {
        json::Object params_;
        params_.add("videoId", videoId);
        params_.add("title", title);
        params_.add("userId", userId);
        params_.add("description", description);
        params_.add("duration", duration);
        params_.add("coverUrl", coverUrl);
        params_.add("size", size);
        params_.add("tags", tags);
        params_.add("cateId", cateId);
        params_.add("cateName", cateName);
        params_.add("firstFrameUrl", firstFrameUrl);
        params_.add("transcodeStatus", transcodeStatus);
        params_.add("snapshotStatus", snapshotStatus);
        params_.add("censorStatus", censorStatus);
        params_.add("isNarrow", isNarrow);
        params_.add("isCache", isCache);
        return this->call("recommendVideo", params_.str());
    }

    /// Pre-warms the CDN cache for objects (`example.com/image/1.png`).
    /// `pushObjectCache`.
    ///
    /// `pushObjectCache` (POST api:console/vod/pushObjectCache).
    /// @param objectPath The objects' URLs; sent newline-separated, as the AppServer reads them. Read from a list, or from the document's own form: one string of newline-separated URLs.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string push_object_cache(const std::vector<std::string> &objectPath) const {
        json::Object params_;
        params_.add("objectPath", objectPath);
        return this->call("pushObjectCache", params_.str());
    }

    /// Everything about one recommended video. `getRecommendVideoById`.
    ///
    /// `getRecommendVideoById` (GET api:console/vod/getRecommendVideoById).
    /// @param videoId The video.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_recommend_video_by_id(const std::string &videoId) const {
        json::Object params_;
        params_.add("videoId", videoId);
        return this->call("getRecommendVideoById", params_.str());
    }

    /// Deletes a video. `deleteVideoById`.
    ///
    /// `deleteVideoById` (POST api:console/vod/deleteVideoById).
    /// @param videoId The video.
    /// @param userId The app user it belongs to. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_video_by_id(
        const std::string &videoId,
        const std::optional<std::string> &userId = std::nullopt) const {
        json::Object params_;
        params_.add("videoId", videoId);
        params_.add("userId", userId);
        return this->call("deleteVideoById", params_.str());
    }

    /// Takes a video off the recommended list. `deleteRecommendById`.
    ///
    /// `deleteRecommendById` (POST api:console/vod/deleteRecommendById).
    /// @param videoId The video.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_recommend_by_id(const std::string &videoId) const {
        json::Object params_;
        params_.add("videoId", videoId);
        return this->call("deleteRecommendById", params_.str());
    }

    /// Logs in with the configured `user_name` and `password` (added by the
    /// auth, never part of a request model) and keeps the token for the calls
    /// that follow. `/console/user/login`.
    ///
    /// `login` (POST api:console/user/login).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string login() const {
        json::Object params_;
        return this->call("login", params_.str());
    }

    /// Ends the session of the current token (sent as `consoleToken`; the
    /// document's `userName`/`password` are not what the AppServer reads).
    /// `/console/user/signOut`.
    ///
    /// `signOut` (POST api:console/user/signOut).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string sign_out() const {
        json::Object params_;
        return this->call("signOut", params_.str());
    }

    /// Exchanges the current token for a fresh one (undocumented; the AppServer's
    /// source has it). `/console/user/refreshToken`.
    ///
    /// `refreshToken` (POST api:console/user/refreshToken, provisional path: overridable with the config's `path_overrides`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string refresh_token() const {
        json::Object params_;
        return this->call("refreshToken", params_.str());
    }
};

}  // namespace vodkit

#endif  // VODKIT_QUVIDEO_HPP
