// vodkit_iqiyi.hpp: typed C++ methods for every Iqiyi operation.
//
// DO NOT EDIT: generated from vodkit's operation catalog by `cargo run -p vodkit-codegen`
// (codegen/src/cpp.rs); codegen/tests/drift.rs fails when this file is stale.
#ifndef VODKIT_IQIYI_HPP
#define VODKIT_IQIYI_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vodkit.hpp"

namespace vodkit {

/// A client of Iqiyi: vodkit::Client with one typed method per operation of
/// its catalog (`operations()`). Each builds the operation's JSON parameters
/// (optional ones left out when empty), calls it, and returns the answer's
/// data as JSON.
class Iqiyi : public Client {
public:
    /// The provider name clients are built with.
    static constexpr const char *provider_name = "iqiyi";

    /// Every operation, in catalog order: its name, its function, and its method here.
    static constexpr std::array<OperationMethod, 10> operation_methods = {{
        {"openupload", "open_upload", "open_upload"},
        {"uploadfinish", "upload_finish", "upload_finish"},
        {"cancelupload", "cancel_upload", "cancel_upload"},
        {"file/info", "set_file_info", "set_file_info"},
        {"iqiyi/authorize", "authorize", "authorize"},
        {"oauth2/token", "refresh_token", "refresh_token"},
        {"file/fullStatus", "full_status", "full_status"},
        {"file/videoListForExternal", "video_list", "video_list"},
        {"file/urllist", "url_list", "url_list"},
        {"file/delete", "delete", "delete_"},
    }};

    /// A client from its JSON config (see vodkit::Client).
    explicit Iqiyi(const std::string &config_json) : Client(provider_name, config_json) {}

    /// Asks for a `file_id` and the URL to post the chunks to. Sent as headers
    /// and query (with `role=openapi`, as the official SDK does). `openupload`.
    ///
    /// `openupload` (GET upload:openupload).
    /// @param filetype The file's type: its extension, such as `mp4` or `avi`.
    /// @param filesize The file's size in bytes.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string open_upload(const std::string &filetype, int64_t filesize) const {
        json::Object params_;
        params_.add("filetype", filetype);
        params_.add("filesize", filesize);
        return this->call("openupload", params_.str());
    }

    /// Says every chunk has arrived. Set the meta (`file/info`) first, or the
    /// video never enters production. `uploadfinish`.
    ///
    /// `uploadfinish` (POST upload:uploadfinish).
    /// @param file_id The file's id (from `openupload`).
    /// @param range_finished Always `"true"` (the default). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string upload_finish(
        const std::string &file_id,
        const std::optional<std::string> &range_finished = std::nullopt) const {
        json::Object params_;
        params_.add("file_id", file_id);
        params_.add("range_finished", range_finished);
        return this->call("uploadfinish", params_.str());
    }

    /// Stops an upload. `cancelupload` with `status=2`.
    ///
    /// `cancelupload` (POST upload:cancelupload).
    /// @param file_id The file's id (from `openupload`).
    /// @param status 2: stop (the only documented value, and the default). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string cancel_upload(
        const std::string &file_id,
        std::optional<int64_t> status = std::nullopt) const {
        json::Object params_;
        params_.add("file_id", file_id);
        params_.add("status", status);
        return this->call("cancelupload", params_.str());
    }

    /// Sets a file's meta: name, description, tags, category. Must come before
    /// `uploadfinish`. `file/info`.
    ///
    /// `file/info` (GET openapi:api/file/info).
    /// @param file_id The file's id.
    /// @param file_name The video's name (not empty).
    /// @param description The video's description.
    /// @param tags Comma-separated tags, such as "青春,搞笑". Optional.
    /// @param file_type The category: 1 film, 2 series, 3 documentary, 4 animation, 5 music, 6 variety, 7 entertainment, 8 games, 9 travel, 10 trailers, 12 education, 13 fashion, 15 children, 16 micro-film, 17 sports, 20 ads, 21 life, 22 comedy, 24 finance, 25 news, 26 cars, 27 original, 28 military. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_file_info(
        const std::string &file_id,
        const std::string &file_name,
        const std::string &description,
        const std::optional<std::string> &tags = std::nullopt,
        std::optional<int64_t> file_type = std::nullopt) const {
        json::Object params_;
        params_.add("file_id", file_id);
        params_.add("file_name", file_name);
        params_.add("description", description);
        params_.add("tags", tags);
        params_.add("file_type", file_type);
        return this->call("file/info", params_.str());
    }

    /// Gets a token pair with the app key and secret of the config (which the
    /// client adds). `iqiyi/authorize`.
    ///
    /// `iqiyi/authorize` (GET openapi:api/iqiyi/authorize).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string authorize() const {
        json::Object params_;
        return this->call("iqiyi/authorize", params_.str());
    }

    /// Exchanges the refresh token for a new pair. `oauth2/token` with
    /// `grant_type=refresh_token`.
    ///
    /// `oauth2/token` (GET openapi:api/oauth2/token).
    /// @param refresh_token The refresh token to use (default: the client's own). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string refresh_token(const std::optional<std::string> &refresh_token = std::nullopt) const {
        json::Object params_;
        params_.add("refresh_token", refresh_token);
        return this->call("oauth2/token", params_.str());
    }

    /// A video's processing state and, once done, its images and play URLs.
    /// `file/fullStatus`.
    ///
    /// `file/fullStatus` (GET openapi:api/file/fullStatus).
    /// @param file_id The file's id.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string full_status(const std::string &file_id) const {
        json::Object params_;
        params_.add("file_id", file_id);
        return this->call("file/fullStatus", params_.str());
    }

    /// A page of the account's videos (transcoded and approved, or published
    /// before review). `file/videoListForExternal`.
    ///
    /// `file/videoListForExternal` (GET openapi:api/file/videoListForExternal).
    /// @param file_ids Comma-separated file ids; empty or absent: all videos. Optional.
    /// @param page_size Videos per page, 1-100 (default 20). Optional.
    /// @param page The page, from 1 (default 1). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string video_list(
        const std::optional<std::string> &file_ids = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt,
        std::optional<int64_t> page = std::nullopt) const {
        json::Object params_;
        params_.add("file_ids", file_ids);
        params_.add("page_size", page_size);
        params_.add("page", page);
        return this->call("file/videoListForExternal", params_.str());
    }

    /// A video's play URLs per format and definition. `file/urllist`.
    ///
    /// `file/urllist` (GET openapi:api/file/urllist).
    /// @param file_id The file's id.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string url_list(const std::string &file_id) const {
        json::Object params_;
        params_.add("file_id", file_id);
        return this->call("file/urllist", params_.str());
    }

    /// Deletes videos. `file/delete`.
    ///
    /// `file/delete` (GET openapi:api/file/delete).
    /// @param delete_type 0: delete every video of the account; 1: the ones in `file_ids`.
    /// @param file_ids Comma-separated file ids (required with `delete_type` 1). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_(
        int64_t delete_type,
        const std::optional<std::string> &file_ids = std::nullopt) const {
        json::Object params_;
        params_.add("delete_type", delete_type);
        params_.add("file_ids", file_ids);
        return this->call("file/delete", params_.str());
    }
};

}  // namespace vodkit

#endif  // VODKIT_IQIYI_HPP
