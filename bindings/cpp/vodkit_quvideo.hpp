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
    /// @param page_index The page, from 1 (default 1; always sent). Optional.
    /// @param page_size Videos per page (default 10; always sent). Optional.
    /// @param video_id Only this video. Optional.
    /// @param user_id Only this app user's videos. Optional.
    /// @param title Only videos with this title. Optional.
    /// @param start_time Created at or after this time (`2019-01-09 22:11:29`). Optional.
    /// @param end_time Created at or before this time. Optional.
    /// @param user_name Only this app user's videos, by name. Optional.
    /// @param censor_status Only videos in this review state (`onCensor`, `success`, `fail`, …). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_videos(
        std::optional<int64_t> page_index = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt,
        const std::optional<std::string> &video_id = std::nullopt,
        const std::optional<std::string> &user_id = std::nullopt,
        const std::optional<std::string> &title = std::nullopt,
        const std::optional<std::string> &start_time = std::nullopt,
        const std::optional<std::string> &end_time = std::nullopt,
        const std::optional<std::string> &user_name = std::nullopt,
        const std::optional<std::string> &censor_status = std::nullopt) const {
        json::Object params_;
        params_.add("pageIndex", page_index);
        params_.add("pageSize", page_size);
        params_.add("videoId", video_id);
        params_.add("userId", user_id);
        params_.add("title", title);
        params_.add("startTime", start_time);
        params_.add("endTime", end_time);
        params_.add("userName", user_name);
        params_.add("censorStatus", censor_status);
        return this->call("getVideos", params_.str());
    }

    /// Starts a normal (not narrow-band HD) transcode of a video.
    /// `submitTranscode`.
    ///
    /// `submitTranscode` (POST api:console/vod/submitTranscode).
    /// @param media_id The video (its `videoId`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string submit_transcode(const std::string &media_id) const {
        json::Object params_;
        params_.add("mediaId", media_id);
        return this->call("submitTranscode", params_.str());
    }

    /// Reviews a video by hand: block it (with a reason) or pass it.
    /// `createAudit`.
    ///
    /// `createAudit` (POST api:console/vod/createAudit).
    /// @param media_id The video (its `videoId`).
    /// @param status `Blocked` or `Normal`.
    /// @param reason Why it is blocked: required when blocking, at most 128 bytes (UTF-8). Optional.
    /// @param comment A note for the back office. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string create_audit(
        const std::string &media_id,
        const std::string &status,
        const std::optional<std::string> &reason = std::nullopt,
        const std::optional<std::string> &comment = std::nullopt) const {
        json::Object params_;
        params_.add("mediaId", media_id);
        params_.add("status", status);
        params_.add("reason", reason);
        params_.add("comment", comment);
        return this->call("createAudit", params_.str());
    }

    /// Starts a narrow-band HD transcode of a video. `submitTabTranscode`.
    ///
    /// `submitTabTranscode` (POST api:console/vod/submitTabTranscode).
    /// @param media_id The video (its `videoId`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string submit_tab_transcode(const std::string &media_id) const {
        json::Object params_;
        params_.add("mediaId", media_id);
        return this->call("submitTabTranscode", params_.str());
    }

    /// Everything about one video. `getVideoById`.
    ///
    /// `getVideoById` (GET api:console/vod/getVideoById).
    /// @param video_id The video.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_video_by_id(const std::string &video_id) const {
        json::Object params_;
        params_.add("videoId", video_id);
        return this->call("getVideoById", params_.str());
    }

    /// Lists the recommended videos matching the filters, a page at a time.
    /// `getRecommendVideos`.
    ///
    /// `getRecommendVideos` (GET api:console/vod/getRecommendVideos).
    /// @param page_index The page, from 1 (default 1; always sent). Optional.
    /// @param page_size Videos per page (default 10; always sent). Optional.
    /// @param video_id Only this video. Optional.
    /// @param user_id Only this app user's videos. Optional.
    /// @param title Only videos with this title. Optional.
    /// @param start_time Created at or after this time (`2019-01-09 22:11:29`). Optional.
    /// @param end_time Created at or before this time. Optional.
    /// @param user_name Only this app user's videos, by name. Optional.
    /// @param censor_status Only videos in this review state (`onCensor`, `success`, `fail`, …). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_recommend_videos(
        std::optional<int64_t> page_index = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt,
        const std::optional<std::string> &video_id = std::nullopt,
        const std::optional<std::string> &user_id = std::nullopt,
        const std::optional<std::string> &title = std::nullopt,
        const std::optional<std::string> &start_time = std::nullopt,
        const std::optional<std::string> &end_time = std::nullopt,
        const std::optional<std::string> &user_name = std::nullopt,
        const std::optional<std::string> &censor_status = std::nullopt) const {
        json::Object params_;
        params_.add("pageIndex", page_index);
        params_.add("pageSize", page_size);
        params_.add("videoId", video_id);
        params_.add("userId", user_id);
        params_.add("title", title);
        params_.add("startTime", start_time);
        params_.add("endTime", end_time);
        params_.add("userName", user_name);
        params_.add("censorStatus", censor_status);
        return this->call("getRecommendVideos", params_.str());
    }

    /// Adds a video to the recommended list, with what the app shows of it.
    /// `recommendVideo`.
    ///
    /// `recommendVideo` (POST api:console/vod/recommendVideo).
    /// @param video_id The video.
    /// @param title (string). Optional.
    /// @param user_id The app user who uploaded it. Optional.
    /// @param description (string). Optional.
    /// @param duration Seconds. Optional.
    /// @param cover_url (string). Optional.
    /// @param size Bytes of the source file. Optional.
    /// @param tags Comma-separated tags. Optional.
    /// @param cate_id (string). Optional.
    /// @param cate_name (string). Optional.
    /// @param first_frame_url (string). Optional.
    /// @param transcode_status Normal (not narrow-band) transcode status. Optional.
    /// @param snapshot_status (string). Optional.
    /// @param censor_status (string). Optional.
    /// @param is_narrow Whether it is narrow-band HD. Optional.
    /// @param is_cache Whether it was pushed to the cache. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string recommend_video(
        const std::string &video_id,
        const std::optional<std::string> &title = std::nullopt,
        const std::optional<std::string> &user_id = std::nullopt,
        const std::optional<std::string> &description = std::nullopt,
        const std::optional<std::string> &duration = std::nullopt,
        const std::optional<std::string> &cover_url = std::nullopt,
        const std::optional<std::string> &size = std::nullopt,
        const std::optional<std::string> &tags = std::nullopt,
        const std::optional<std::string> &cate_id = std::nullopt,
        const std::optional<std::string> &cate_name = std::nullopt,
        const std::optional<std::string> &first_frame_url = std::nullopt,
        const std::optional<std::string> &transcode_status = std::nullopt,
        const std::optional<std::string> &snapshot_status = std::nullopt,
        const std::optional<std::string> &censor_status = std::nullopt,
        const std::optional<std::string> &is_narrow = std::nullopt,
        const std::optional<std::string> &is_cache = std::nullopt) const {
        json::Object params_;
        params_.add("videoId", video_id);
        params_.add("title", title);
        params_.add("userId", user_id);
        params_.add("description", description);
        params_.add("duration", duration);
        params_.add("coverUrl", cover_url);
        params_.add("size", size);
        params_.add("tags", tags);
        params_.add("cateId", cate_id);
        params_.add("cateName", cate_name);
        params_.add("firstFrameUrl", first_frame_url);
        params_.add("transcodeStatus", transcode_status);
        params_.add("snapshotStatus", snapshot_status);
        params_.add("censorStatus", censor_status);
        params_.add("isNarrow", is_narrow);
        params_.add("isCache", is_cache);
        return this->call("recommendVideo", params_.str());
    }

    /// Pre-warms the CDN cache for objects (`example.com/image/1.png`).
    /// `pushObjectCache`.
    ///
    /// `pushObjectCache` (POST api:console/vod/pushObjectCache).
    /// @param object_path The objects' URLs; sent newline-separated, as the AppServer reads them. Read from a list, or from the document's own form: one string of newline-separated URLs.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string push_object_cache(const std::vector<std::string> &object_path) const {
        json::Object params_;
        params_.add("objectPath", object_path);
        return this->call("pushObjectCache", params_.str());
    }

    /// Everything about one recommended video. `getRecommendVideoById`.
    ///
    /// `getRecommendVideoById` (GET api:console/vod/getRecommendVideoById).
    /// @param video_id The video.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_recommend_video_by_id(const std::string &video_id) const {
        json::Object params_;
        params_.add("videoId", video_id);
        return this->call("getRecommendVideoById", params_.str());
    }

    /// Deletes a video. `deleteVideoById`.
    ///
    /// `deleteVideoById` (POST api:console/vod/deleteVideoById).
    /// @param video_id The video.
    /// @param user_id The app user it belongs to. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_video_by_id(
        const std::string &video_id,
        const std::optional<std::string> &user_id = std::nullopt) const {
        json::Object params_;
        params_.add("videoId", video_id);
        params_.add("userId", user_id);
        return this->call("deleteVideoById", params_.str());
    }

    /// Takes a video off the recommended list. `deleteRecommendById`.
    ///
    /// `deleteRecommendById` (POST api:console/vod/deleteRecommendById).
    /// @param video_id The video.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_recommend_by_id(const std::string &video_id) const {
        json::Object params_;
        params_.add("videoId", video_id);
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
