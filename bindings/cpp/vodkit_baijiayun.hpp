// vodkit_baijiayun.hpp: typed C++ methods for every Baijiayun operation.
//
// DO NOT EDIT: generated from vodkit's operation catalog by `cargo run -p vodkit-codegen`
// (codegen/src/cpp.rs); codegen/tests/drift.rs fails when this file is stale.
#ifndef VODKIT_BAIJIAYUN_HPP
#define VODKIT_BAIJIAYUN_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vodkit.hpp"

namespace vodkit {

/// A client of Baijiayun: vodkit::Client with one typed method per operation of
/// its catalog (`operations()`). Each builds the operation's JSON parameters
/// (optional ones left out when empty), calls it, and returns the answer's
/// data as JSON.
class Baijiayun : public Client {
public:
    /// The provider name clients are built with.
    static constexpr const char *provider_name = "baijiayun";

    /// Every operation, in catalog order: its name, its function, and its method here.
    static constexpr std::array<OperationMethod, 59> operation_methods = {{
        {"partner/createkey", "create_key", "create_key"},
        {"video/getUploadUrl", "get_upload_url", "get_upload_url"},
        {"video/getResumeUploadUrl", "get_resume_upload_url", "get_resume_upload_url"},
        {"video/getStatus", "get_status", "get_status"},
        {"video/getInfo", "get_info", "get_info"},
        {"video/getImage", "get_image", "get_image"},
        {"video/removeDefinition", "remove_definition", "remove_definition"},
        {"video/deleteOriginVideo", "delete_origin_video", "delete_origin_video"},
        {"video/update", "update", "update"},
        {"video/delete", "delete", "delete_"},
        {"video/getCategoryList", "get_category_list", "get_category_list"},
        {"video/getCategoryInfo", "get_category_info", "get_category_info"},
        {"video/addCategory", "add_category", "add_category"},
        {"video/deleteCategory", "delete_category", "delete_category"},
        {"video/getCategoryVideo", "get_category_video", "get_category_video"},
        {"video/setVideoCategory", "set_video_category", "set_video_category"},
        {"video/getPlayerToken", "get_player_token", "get_player_token"},
        {"video/getPlayerTokenBatch", "get_player_token_batch", "get_player_token_batch"},
        {"video_account/getAccountInfo", "get_account_info", "get_account_info"},
        {"video_data/getUsedFlow", "get_video_used_flow", "get_video_used_flow"},
        {"video_account/getUsedFlow", "get_account_used_flow", "get_account_used_flow"},
        {"video/getUrl", "get_url", "get_url"},
        {"video_data/getVideoPlayRecord", "get_video_play_record", "get_video_play_record"},
        {"video_data/exportVideoReportBatch", "export_video_report_batch", "export_video_report_batch"},
        {"video/setPublishStatus", "set_publish_status", "set_publish_status"},
        {"video/getShareUrl", "get_share_url", "get_share_url"},
        {"video_data/getVideoPlayCountRank", "get_video_play_count_rank", "get_video_play_count_rank"},
        {"video_data/getVideoDailyPlayCount", "get_video_daily_play_count", "get_video_daily_play_count"},
        {"video_data/getPartnerDailyPlayCount", "get_partner_daily_play_count", "get_partner_daily_play_count"},
        {"video/getVideoList", "get_video_list", "get_video_list"},
        {"video/uploadSubtitle", "upload_subtitle", "upload_subtitle"},
        {"video/getSubtitleList", "get_subtitle_list", "get_subtitle_list"},
        {"video/updateSubtitle", "update_subtitle", "update_subtitle"},
        {"video/setDefaultSubtitle", "set_default_subtitle", "set_default_subtitle"},
        {"video/deleteSubtitle", "delete_subtitle", "delete_subtitle"},
        {"video_account/getUsedFlowDetail", "get_account_used_flow_detail", "get_account_used_flow_detail"},
        {"video_data/getUsedFlowDetail", "get_product_used_flow_detail", "get_product_used_flow_detail"},
        {"video_account/getStorgeAndFlowInfo", "get_storage_and_flow_info", "get_storage_and_flow_info"},
        {"video/transcodeAgain", "transcode_again", "transcode_again"},
        {"video/createNotice", "create_notice", "create_notice"},
        {"video/bindNotice", "bind_notice", "bind_notice"},
        {"video/getQuestionList", "get_question_list", "get_question_list"},
        {"video/saveQuestionList", "save_question_list", "save_question_list"},
        {"video/deleteQuestion", "delete_questions", "delete_questions"},
        {"video/getVideosCategory", "get_videos_category", "get_videos_category"},
        {"video/uploadDocument", "upload_document", "upload_document"},
        {"video/setMarker", "set_markers", "set_markers"},
        {"video/getMarker", "get_markers", "get_markers"},
        {"video/setMarkerJump", "set_marker_jump", "set_marker_jump"},
        {"video/getViewerToken", "get_viewer_token", "get_viewer_token"},
        {"video/getUserGroupList", "get_user_groups", "get_user_groups"},
        {"video/addUserGroup", "add_user_group", "add_user_group"},
        {"video/deleteUserGroup", "remove_user_group", "remove_user_group"},
        {"video/getViewerList", "get_viewers", "get_viewers"},
        {"video/addViewer", "add_viewers", "add_viewers"},
        {"video/deleteViewer", "remove_viewers", "remove_viewers"},
        {"video/getAnswerRecord", "get_answer_records", "get_answer_records"},
        {"video_account/setTranscodeCallbackUrl", "set_transcode_callback_url", "set_transcode_callback_url"},
        {"video_account/getTranscodeCallbackUrl", "get_transcode_callback_url", "get_transcode_callback_url"},
    }};

    /// A client from its JSON config (see vodkit::Client).
    explicit Baijiayun(const std::string &config_json) : Client(provider_name, config_json) {}

    /// Returns the account's partner key, or makes a new one (the old key stops
    /// working at once). API 1 `partner/createkey`.
    ///
    /// `partner/createkey` (POST api:partner/createkey).
    /// @param secret_key The account's secret key for managing the partner key (from the provider's console; not the partner key).
    /// @param regenerate 1: make a new partner key (the old one stops working at once); 0 (the default): return the current one.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string create_key(const std::string &secret_key, int64_t regenerate) const {
        json::Object params_;
        params_.add("secret_key", secret_key);
        params_.add("regenerate", regenerate);
        return this->call("partner/createkey", params_.str());
    }

    /// Creates a video (or audio) and returns its id and the URL to upload its
    /// file to; the upload methods do this and the upload in one step.
    /// API 2 `video/getUploadUrl`.
    ///
    /// `video/getUploadUrl` (POST api:video/getUploadUrl).
    /// @param file_name The file's name, shown as the video's name (not empty).
    /// @param definition Target definitions, comma-separated bits: 16 SD, 1 HD, 2 super HD, 4 720p, 8 1080p (e.g. `"16,1"`). A source below a target definition is transcoded at its own definition.
    /// @param audio_with_view 1: process the file as audio, 0: as video (default 0). Optional.
    /// @param format Output formats, comma-separated bits: 1 mp4, 2 flv, 4 m3u8 (default: all three). Optional.
    /// @param encrypt 1: also make an encrypted version, 2: don't. Needs the encryption permission; once it is granted, videos are encrypted by default. Optional.
    /// @param watermark The watermark to put on the video (003 edition; passed through as given). Optional.
    /// @param watermark_pos Where the watermark goes (003 edition; passed through as given). Optional.
    /// @param use_https 1: return an `https://` upload URL, 0: `http://` (the provider's default is 0; the upload methods send 1 unless told otherwise). Optional.
    /// @param callback_url This video's transcode callback URL (`http://` or `https://`), instead of the account's (003 edition). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_upload_url(
        const std::string &file_name,
        const std::string &definition,
        std::optional<int64_t> audio_with_view = std::nullopt,
        const std::optional<std::string> &format = std::nullopt,
        std::optional<int64_t> encrypt = std::nullopt,
        const std::optional<std::string> &watermark = std::nullopt,
        std::optional<int64_t> watermark_pos = std::nullopt,
        std::optional<int64_t> use_https = std::nullopt,
        const std::optional<std::string> &callback_url = std::nullopt) const {
        json::Object params_;
        params_.add("file_name", file_name);
        params_.add("definition", definition);
        params_.add("audio_with_view", audio_with_view);
        params_.add("format", format);
        params_.add("encrypt", encrypt);
        params_.add("watermark", watermark);
        params_.add("watermark_pos", watermark_pos);
        params_.add("use_https", use_https);
        params_.add("callback_url", callback_url);
        return this->call("video/getUploadUrl", params_.str());
    }

    /// Returns where to continue an interrupted upload and how many bytes the
    /// server already holds, so only the rest is sent. API 4 `video/getResumeUploadUrl`.
    ///
    /// `video/getResumeUploadUrl` (POST api:video/getResumeUploadUrl).
    /// @param video_id The video whose upload to continue.
    /// @param use_https 1: return an `https://` upload URL, 0: `http://` (default 0). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_resume_upload_url(
        int64_t video_id,
        std::optional<int64_t> use_https = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("use_https", use_https);
        return this->call("video/getResumeUploadUrl", params_.str());
    }

    /// Returns the upload and transcoding status of a video. API 5 `video/getStatus`.
    ///
    /// `video/getStatus` (POST api:video/getStatus).
    /// @param video_id The video, as returned when it was created.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_status(int64_t video_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        return this->call("video/getStatus", params_.str());
    }

    /// Returns everything known about a video: name, status, sizes, duration,
    /// cover, transcoded files and category (deleted videos are not found).
    /// API 6 `video/getInfo`.
    ///
    /// `video/getInfo` (POST api:video/getInfo).
    /// @param video_id The video.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_info(int64_t video_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        return this->call("video/getInfo", params_.str());
    }

    /// Returns the screenshots the provider took of a video.
    /// API 7 `video/getImage`.
    ///
    /// `video/getImage` (POST api:video/getImage).
    /// @param video_id The video.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_image(int64_t video_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        return this->call("video/getImage", params_.str());
    }

    /// Deletes the transcoded files of some definitions of a video (optionally
    /// only some file types) to save storage. mp4 files go last: they are refused
    /// while other types of the same definition remain. API 8 `video/removeDefinition`.
    ///
    /// `video/removeDefinition` (POST api:video/removeDefinition).
    /// @param video_id The video.
    /// @param definition Definitions to remove, comma-separated bits: 16 SD, 1 HD, 2 super HD, 4 720p, 8 1080p (e.g. `"16,1"`).
    /// @param file_type File types to remove, comma-separated bits: 1 mp4, 2 flv, 4 m3u8, 8 encrypted (default: all types). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string remove_definition(
        int64_t video_id,
        const std::string &definition,
        const std::optional<std::string> &file_type = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("definition", definition);
        params_.add("type", file_type);
        return this->call("video/removeDefinition", params_.str());
    }

    /// Deletes the uploaded source files of several videos, keeping their
    /// transcoded files. API 9 `video/deleteOriginVideo`.
    ///
    /// `video/deleteOriginVideo` (POST api:video/deleteOriginVideo).
    /// @param video_ids The videos, comma-separated ids (e.g. `"123,456"`; not empty).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_origin_video(const std::string &video_ids) const {
        json::Object params_;
        params_.add("video_ids", video_ids);
        return this->call("video/deleteOriginVideo", params_.str());
    }

    /// Renames a video (the name is the only thing it changes).
    /// API 10 `video/update`.
    ///
    /// `video/update` (POST api:video/update).
    /// @param video_id The video.
    /// @param name The new name (not empty when given). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string update(int64_t video_id, const std::optional<std::string> &name = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("name", name);
        return this->call("video/update", params_.str());
    }

    /// Deletes a video and all its files. API 11 `video/delete`.
    ///
    /// `video/delete` (POST api:video/delete).
    /// @param video_id The video to delete.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_(int64_t video_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        return this->call("video/delete", params_.str());
    }

    /// Returns every video category of the account, as a tree.
    /// API 12 `video/getCategoryList`.
    ///
    /// `video/getCategoryList` (POST api:video/getCategoryList).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_category_list() const {
        json::Object params_;
        return this->call("video/getCategoryList", params_.str());
    }

    /// Returns one category and its direct sub-categories (category 0: the
    /// first-level categories). API 13 `video/getCategoryInfo`.
    ///
    /// `video/getCategoryInfo` (POST api:video/getCategoryInfo).
    /// @param category_id The category; 0 (the default) for the top of the tree. Not negative.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_category_info(int64_t category_id) const {
        json::Object params_;
        params_.add("category_id", category_id);
        return this->call("video/getCategoryInfo", params_.str());
    }

    /// Adds a category (at most five levels deep) and returns it.
    /// API 14 `video/addCategory`.
    ///
    /// `video/addCategory` (POST api:video/addCategory).
    /// @param name The category's name (not empty).
    /// @param parent_id The parent category; 0 (the default) for a first-level category.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string add_category(const std::string &name, int64_t parent_id) const {
        json::Object params_;
        params_.add("name", name);
        params_.add("parent_id", parent_id);
        return this->call("video/addCategory", params_.str());
    }

    /// Deletes a category; refused while it or one of its sub-categories holds
    /// videos. API 15 `video/deleteCategory`.
    ///
    /// `video/deleteCategory` (POST api:video/deleteCategory).
    /// @param category_id The category to delete (> 0).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_category(int64_t category_id) const {
        json::Object params_;
        params_.add("category_id", category_id);
        return this->call("video/deleteCategory", params_.str());
    }

    /// Returns one page of the videos in a category and its sub-categories.
    /// API 16 `video/getCategoryVideo`.
    ///
    /// `video/getCategoryVideo` (POST api:video/getCategoryVideo).
    /// @param category_id The category (> 0).
    /// @param page Page number, from 1 (default 1). Optional.
    /// @param page_size Videos per page, 1 to 100 (default 20). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_category_video(
        int64_t category_id,
        std::optional<int64_t> page = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt) const {
        json::Object params_;
        params_.add("category_id", category_id);
        params_.add("page", page);
        params_.add("page_size", page_size);
        return this->call("video/getCategoryVideo", params_.str());
    }

    /// Puts a video in a category (0: in none); a video is in at most one.
    /// API 17 `video/setVideoCategory`.
    ///
    /// `video/setVideoCategory` (POST api:video/setVideoCategory).
    /// @param video_id The video.
    /// @param category_id The category; 0 to take the video out of every category. Not negative.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_video_category(int64_t video_id, int64_t category_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("category_id", category_id);
        return this->call("video/setVideoCategory", params_.str());
    }

    /// Returns a token that lets the provider's player play a video.
    /// API 18 `video/getPlayerToken`.
    ///
    /// `video/getPlayerToken` (POST api:video/getPlayerToken).
    /// @param video_id The video to play.
    /// @param expires_in The token's lifetime in seconds; 0 (the default) never expires. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_player_token(int64_t video_id, std::optional<int64_t> expires_in = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("expires_in", expires_in);
        return this->call("video/getPlayerToken", params_.str());
    }

    /// Returns player tokens for several videos at once, keyed by video id.
    /// API 19 `video/getPlayerTokenBatch`.
    ///
    /// `video/getPlayerTokenBatch` (POST api:video/getPlayerTokenBatch).
    /// @param video_ids The videos, comma-separated ids (e.g. `"123,456"`; not empty).
    /// @param expires_in The tokens' lifetime in seconds; 0 (the default) never expires. Not negative. Optional.
    /// @param product_type Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise live, 5 VOD (the default). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_player_token_batch(
        const std::string &video_ids,
        std::optional<int64_t> expires_in = std::nullopt,
        std::optional<int64_t> product_type = std::nullopt) const {
        json::Object params_;
        params_.add("video_ids", video_ids);
        params_.add("expires_in", expires_in);
        params_.add("product_type", product_type);
        return this->call("video/getPlayerTokenBatch", params_.str());
    }

    /// Returns the account's package: storage and traffic, used and allowed
    /// (traffic is counted once a day). API 20 `video_account/getAccountInfo`.
    ///
    /// `video_account/getAccountInfo` (POST api:video_account/getAccountInfo).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_account_info() const {
        json::Object params_;
        return this->call("video_account/getAccountInfo", params_.str());
    }

    /// Returns the traffic (bytes) one video used between two dates of the
    /// same month (counted once a day, so today's figure is not final).
    /// API 21 `video_data/getUsedFlow` (path inferred from the section text).
    ///
    /// `video_data/getUsedFlow` (POST api:video_data/getUsedFlow).
    /// @param video_id The video.
    /// @param start_date First day, `yyyy-mm-dd` (inclusive).
    /// @param end_date Last day, `yyyy-mm-dd` (inclusive; not before `start_date`, same month).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_video_used_flow(
        int64_t video_id,
        const std::string &start_date,
        const std::string &end_date) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("start_date", start_date);
        params_.add("end_date", end_date);
        return this->call("video_data/getUsedFlow", params_.str());
    }

    /// Returns the traffic (bytes) the whole account used between two dates
    /// (counted once a day). API 22 `video_account/getUsedFlow` (path inferred
    /// from the section text).
    ///
    /// `video_account/getUsedFlow` (POST api:video_account/getUsedFlow).
    /// @param start_date First day, `yyyy-mm-dd` (inclusive).
    /// @param end_date Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_account_used_flow(const std::string &start_date, const std::string &end_date) const {
        json::Object params_;
        params_.add("start_date", start_date);
        params_.add("end_date", end_date);
        return this->call("video_account/getUsedFlow", params_.str());
    }

    /// Returns the play URLs of a transcoded video (or audio), one per
    /// definition, in one format. API 23 `video/getUrl`.
    ///
    /// `video/getUrl` (POST api:video/getUrl).
    /// @param video_id The video.
    /// @param format mp4 (default), m3u8, flv or encrypt (the encrypted version, only on accounts with encryption enabled). Optional.
    /// @param expires_in How long the URLs stay valid, in seconds (default 12 hours). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_url(
        int64_t video_id,
        const std::optional<std::string> &format = std::nullopt,
        std::optional<int64_t> expires_in = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("format", format);
        params_.add("expires_in", expires_in);
        return this->call("video/getUrl", params_.str());
    }

    /// Returns one page of the play records of a video within one day: one
    /// record per play. API 24 `video_data/getVideoPlayRecord` (path inferred
    /// from the section text).
    ///
    /// `video_data/getVideoPlayRecord` (POST api:video_data/getVideoPlayRecord).
    /// @param video_id The video.
    /// @param start_time Start of the window, `yyyy-mm-dd HH:MM:SS`.
    /// @param end_time End of the window, `yyyy-mm-dd HH:MM:SS`: the same day as `start_time`, not before it.
    /// @param page Page number, from 1 (default 1). Optional.
    /// @param page_size Records per page, 1 to 1000 (default 100). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_video_play_record(
        int64_t video_id,
        const std::string &start_time,
        const std::string &end_time,
        std::optional<int64_t> page = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("start_time", start_time);
        params_.add("end_time", end_time);
        params_.add("page", page);
        params_.add("page_size", page_size);
        return this->call("video_data/getVideoPlayRecord", params_.str());
    }

    /// Returns one page of the play records of every video of the account (VOD
    /// and replays) within one day: one record per play.
    /// API 25 `video_data/exportVideoReportBatch` (path inferred from the section text).
    ///
    /// `video_data/exportVideoReportBatch` (POST api:video_data/exportVideoReportBatch).
    /// @param start_time Start of the window, `yyyy-mm-dd HH:MM:SS`.
    /// @param end_time End of the window, `yyyy-mm-dd HH:MM:SS`: the same day as `start_time`, not before it.
    /// @param product_type Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise live, 5 VOD (default 0: all). Optional.
    /// @param page Page number, from 1 (default 1). Optional.
    /// @param page_size Records per page, 1 to 1000 (default 100). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string export_video_report_batch(
        const std::string &start_time,
        const std::string &end_time,
        std::optional<int64_t> product_type = std::nullopt,
        std::optional<int64_t> page = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt) const {
        json::Object params_;
        params_.add("start_time", start_time);
        params_.add("end_time", end_time);
        params_.add("product_type", product_type);
        params_.add("page", page);
        params_.add("page_size", page_size);
        return this->call("video_data/exportVideoReportBatch", params_.str());
    }

    /// Publishes or blocks a video (videos are published once transcoded).
    /// API 26 `video/setPublishStatus`.
    ///
    /// `video/setPublishStatus` (POST api:video/setPublishStatus).
    /// @param video_id The video.
    /// @param status 1 publish, 2 block.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_publish_status(int64_t video_id, int64_t status) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("status", status);
        return this->call("video/setPublishStatus", params_.str());
    }

    /// Returns the ways to embed a video in a page: a js snippet, an iframe and
    /// a flash URL. API 27 `video/getShareUrl`.
    ///
    /// `video/getShareUrl` (POST api:video/getShareUrl).
    /// @param video_id The video.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_share_url(int64_t video_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        return this->call("video/getShareUrl", params_.str());
    }

    /// Returns the 100 most played videos between two dates, with their play
    /// counts. API 28 `video_data/getVideoPlayCountRank`.
    ///
    /// `video_data/getVideoPlayCountRank` (POST api:video_data/getVideoPlayCountRank).
    /// @param start_date First day, `yyyy-mm-dd` (inclusive).
    /// @param end_date Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
    /// @param product_type Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise live, 5 VOD (default 0: all). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_video_play_count_rank(
        const std::string &start_date,
        const std::string &end_date,
        std::optional<int64_t> product_type = std::nullopt) const {
        json::Object params_;
        params_.add("start_date", start_date);
        params_.add("end_date", end_date);
        params_.add("product_type", product_type);
        return this->call("video_data/getVideoPlayCountRank", params_.str());
    }

    /// Returns how often one video was played on each day between two dates.
    /// API 29 `video_data/getVideoDailyPlayCount`.
    ///
    /// `video_data/getVideoDailyPlayCount` (POST api:video_data/getVideoDailyPlayCount).
    /// @param video_id The video.
    /// @param start_date First day, `yyyy-mm-dd` (inclusive).
    /// @param end_date Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_video_daily_play_count(
        int64_t video_id,
        const std::string &start_date,
        const std::string &end_date) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("start_date", start_date);
        params_.add("end_date", end_date);
        return this->call("video_data/getVideoDailyPlayCount", params_.str());
    }

    /// Returns how often the account's videos were played on each day between
    /// two dates. API 30 `video_data/getPartnerDailyPlayCount`.
    ///
    /// `video_data/getPartnerDailyPlayCount` (POST api:video_data/getPartnerDailyPlayCount).
    /// @param start_date First day, `yyyy-mm-dd` (inclusive).
    /// @param end_date Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
    /// @param product_type Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise live, 5 VOD (default 0: all). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_partner_daily_play_count(
        const std::string &start_date,
        const std::string &end_date,
        std::optional<int64_t> product_type = std::nullopt) const {
        json::Object params_;
        params_.add("start_date", start_date);
        params_.add("end_date", end_date);
        params_.add("product_type", product_type);
        return this->call("video_data/getPartnerDailyPlayCount", params_.str());
    }

    /// Returns one page of the account's videos, optionally only those created
    /// since a time or whose name contains a text. API 31 `video/getVideoList`.
    ///
    /// `video/getVideoList` (POST api:video/getVideoList).
    /// @param page Page number, from 1 (default 1). Optional.
    /// @param page_size Videos per page, 1 to 1000 (default 20). Optional.
    /// @param create_time Only videos created from this time on: `YYYY-mm-dd HH:MM:SS` (default: no time filter). Optional.
    /// @param name Only videos whose name contains this (003 edition). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_video_list(
        std::optional<int64_t> page = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt,
        const std::optional<std::string> &create_time = std::nullopt,
        const std::optional<std::string> &name = std::nullopt) const {
        json::Object params_;
        params_.add("page", page);
        params_.add("page_size", page_size);
        params_.add("create_time", create_time);
        params_.add("name", name);
        return this->call("video/getVideoList", params_.str());
    }

    /// Uploads a `.vtt` or `.srt` file as a subtitle of a video; a video's first
    /// subtitle becomes its default one. API 32 `video/uploadSubtitle`.
    ///
    /// `video/uploadSubtitle` (POST api:video/uploadSubtitle).
    /// @param path The file to send (multipart field `subtitle`, or the config's `file_fields` override).
    /// @param video_id The video the subtitle belongs to.
    /// @param name The subtitle's name, shown in the player (not empty).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string upload_subtitle(const std::string &path, int64_t video_id, const std::string &name) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("name", name);
        return this->call_with_file("video/uploadSubtitle", params_.str(), "", path);
    }

    /// Returns every subtitle of a video. API 33 `video/getSubtitleList`.
    ///
    /// `video/getSubtitleList` (POST api:video/getSubtitleList).
    /// @param video_id The video.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_subtitle_list(int64_t video_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        return this->call("video/getSubtitleList", params_.str());
    }

    /// Renames a subtitle. API 34 `video/updateSubtitle`.
    ///
    /// `video/updateSubtitle` (POST api:video/updateSubtitle).
    /// @param name The new name (not empty).
    /// @param subtitle_id The subtitle to rename.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string update_subtitle(const std::string &name, int64_t subtitle_id) const {
        json::Object params_;
        params_.add("name", name);
        params_.add("subtitle_id", subtitle_id);
        return this->call("video/updateSubtitle", params_.str());
    }

    /// Makes a subtitle the default one of its video.
    /// API 35 `video/setDefaultSubtitle`.
    ///
    /// `video/setDefaultSubtitle` (POST api:video/setDefaultSubtitle).
    /// @param video_id The video.
    /// @param subtitle_id One of the video's subtitles.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_default_subtitle(int64_t video_id, int64_t subtitle_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("subtitle_id", subtitle_id);
        return this->call("video/setDefaultSubtitle", params_.str());
    }

    /// Deletes a subtitle. API 36 `video/deleteSubtitle`.
    ///
    /// `video/deleteSubtitle` (POST api:video/deleteSubtitle).
    /// @param subtitle_id The subtitle to delete.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_subtitle(int64_t subtitle_id) const {
        json::Object params_;
        params_.add("subtitle_id", subtitle_id);
        return this->call("video/deleteSubtitle", params_.str());
    }

    /// Returns the traffic (bytes) the account used on each day between two
    /// dates (counted once a day). API 37 `video_account/getUsedFlowDetail`.
    ///
    /// `video_account/getUsedFlowDetail` (POST api:video_account/getUsedFlowDetail).
    /// @param start_date First day, `yyyy-mm-dd` (inclusive).
    /// @param end_date Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_account_used_flow_detail(
        const std::string &start_date,
        const std::string &end_date) const {
        json::Object params_;
        params_.add("start_date", start_date);
        params_.add("end_date", end_date);
        return this->call("video_account/getUsedFlowDetail", params_.str());
    }

    /// Returns one page of the traffic (bytes) each video of one product line
    /// used on one day. API 38 `video_data/getUsedFlowDetail`.
    ///
    /// `video_data/getUsedFlowDetail` (POST api:video_data/getUsedFlowDetail).
    /// @param product_type Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise live, 5 VOD.
    /// @param date The day, `yyyy-mm-dd`.
    /// @param page Page number, from 1 (default 1). Optional.
    /// @param page_size Videos per page, from 1 (default 100). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_product_used_flow_detail(
        int64_t product_type,
        const std::string &date,
        std::optional<int64_t> page = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt) const {
        json::Object params_;
        params_.add("product_type", product_type);
        params_.add("date", date);
        params_.add("page", page);
        params_.add("page_size", page_size);
        return this->call("video_data/getUsedFlowDetail", params_.str());
    }

    /// Returns the storage and traffic (bytes) of each product line of the
    /// account, and in total (traffic is counted once a day).
    /// API 39 `video_account/getStorgeAndFlowInfo` (sic: the real path).
    ///
    /// `video_account/getStorgeAndFlowInfo` (POST api:video_account/getStorgeAndFlowInfo).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_storage_and_flow_info() const {
        json::Object params_;
        return this->call("video_account/getStorgeAndFlowInfo", params_.str());
    }

    /// Transcodes a video again, into the given definitions and formats; its
    /// status goes back to 20 (transcoding). API 40 `video/transcodeAgain`.
    ///
    /// `video/transcodeAgain` (POST api:video/transcodeAgain).
    /// @param video_id The video.
    /// @param definition Target definitions, comma-separated bits: 16 SD, 1 HD, 2 super HD, 4 720p, 8 1080p (e.g. `"16,1"`).
    /// @param format Output formats, comma-separated bits: 1 mp4, 2 flv, 4 m3u8 (default: all three). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string transcode_again(
        int64_t video_id,
        const std::string &definition,
        const std::optional<std::string> &format = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("definition", definition);
        params_.add("format", format);
        return this->call("video/transcodeAgain", params_.str());
    }

    /// Creates a notice (lines of text, each optionally a link, shown on the
    /// player) and returns its id, to show it on videos with bindNotice.
    /// API 41 `video/createNotice` (path provisional).
    ///
    /// `video/createNotice` (POST api:video/createNotice, provisional path: overridable with the config's `path_overrides`).
    /// @param notice The notice's lines, `{content, link}` each (at least one, none with empty content); sent as JSON text.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string create_notice(const std::vector<vodkit::Json> &notice) const {
        json::Object params_;
        params_.add("notice", notice);
        return this->call("video/createNotice", params_.str());
    }

    /// Shows a notice on several videos. API 42 `video/bindNotice` (path provisional).
    ///
    /// `video/bindNotice` (POST api:video/bindNotice, provisional path: overridable with the config's `path_overrides`).
    /// @param video_ids The videos, comma-separated ids (e.g. `"637000,637066"`; not empty).
    /// @param notice_id The notice, as returned by createNotice.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string bind_notice(const std::string &video_ids, int64_t notice_id) const {
        json::Object params_;
        params_.add("video_ids", video_ids);
        params_.add("notice_id", notice_id);
        return this->call("video/bindNotice", params_.str());
    }

    /// Returns the questions shown while a video plays.
    /// API 43 `video/getQuestionList` (path provisional).
    ///
    /// `video/getQuestionList` (POST api:video/getQuestionList, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_question_list(const std::string &video_unique) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        return this->call("video/getQuestionList", params_.str());
    }

    /// Creates (questions without `id`) and updates (questions with `id`) the
    /// questions shown while a video plays. API 44 `video/saveQuestionList` (path
    /// provisional).
    ///
    /// `video/saveQuestionList` (POST api:video/saveQuestionList, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @param question_list The questions to save (at least one; each with a title and at least one choice, none empty); sent as JSON text.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string save_question_list(
        const std::string &video_unique,
        const std::vector<vodkit::Json> &question_list) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("question_list", question_list);
        return this->call("video/saveQuestionList", params_.str());
    }

    /// Deletes questions of a video. API 45 `video/deleteQuestion` (path provisional).
    ///
    /// `video/deleteQuestion` (POST api:video/deleteQuestion, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @param question_ids The questions, comma-separated ids (e.g. `"89,90"`; not empty).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_questions(const std::string &video_unique, const std::string &question_ids) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("question_ids", question_ids);
        return this->call("video/deleteQuestion", params_.str());
    }

    /// Returns the category (the id at each level) of several videos.
    /// API 46 `video/getVideosCategory` (path provisional).
    ///
    /// `video/getVideosCategory` (POST api:video/getVideosCategory, provisional path: overridable with the config's `path_overrides`).
    /// @param video_ids The videos, comma-separated ids (e.g. `"412768,412769"`; not empty).
    /// @param category_id Only the videos in this category (default: all of them). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_videos_category(
        const std::string &video_ids,
        std::optional<int64_t> category_id = std::nullopt) const {
        json::Object params_;
        params_.add("video_ids", video_ids);
        params_.add("category_id", category_id);
        return this->call("video/getVideosCategory", params_.str());
    }

    /// Attaches a document (a .ppt, .pptx, .txt or .pdf file) to a video.
    /// API 47 `video/uploadDocument` (path provisional).
    ///
    /// `video/uploadDocument` (POST api:video/uploadDocument, provisional path: overridable with the config's `path_overrides`).
    /// @param path The file to send (multipart field `file`, or the config's `file_fields` override).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string upload_document(const std::string &path, const std::string &video_unique) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        return this->call_with_file("video/uploadDocument", params_.str(), "", path);
    }

    /// Replaces the markers on a video's progress bar (an empty list clears
    /// them). API 48 `video/setMarker` (path provisional).
    ///
    /// `video/setMarker` (POST api:video/setMarker, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @param content The markers, `{time_offset, description, reference_link, btntxt, image}` each; every one needs a `time_offset` (`HH:MM:SS`). Sent as JSON text.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_markers(const std::string &video_unique, const std::vector<vodkit::Json> &content) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("content", content);
        return this->call("video/setMarker", params_.str());
    }

    /// Returns the markers on a video's progress bar, and whether clicking one
    /// seeks to it. API 49 `video/getMarker` (path provisional).
    ///
    /// `video/getMarker` (POST api:video/getMarker, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_markers(const std::string &video_unique) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        return this->call("video/getMarker", params_.str());
    }

    /// Sets whether clicking a marker of a video seeks to it.
    /// API 50 `video/setMarkerJump` (path provisional).
    ///
    /// `video/setMarkerJump` (POST api:video/setMarkerJump, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @param jump 1: a click on a marker seeks to it, 0: it doesn't.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_marker_jump(const std::string &video_unique, int64_t jump) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("jump", jump);
        return this->call("video/setMarkerJump", params_.str());
    }

    /// Returns a token (a JWT) that identifies a viewer to the player, so plays
    /// and answers are recorded under that viewer.
    /// API 51 `video/getViewerToken` (path provisional).
    ///
    /// `video/getViewerToken` (POST api:video/getViewerToken, provisional path: overridable with the config's `path_overrides`).
    /// @param user_number The viewer's number in your system (> 0).
    /// @param name The viewer's display name. Optional.
    /// @param avatar The viewer's avatar image URL. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_viewer_token(
        int64_t user_number,
        const std::optional<std::string> &name = std::nullopt,
        const std::optional<std::string> &avatar = std::nullopt) const {
        json::Object params_;
        params_.add("user_number", user_number);
        params_.add("name", name);
        params_.add("avatar", avatar);
        return this->call("video/getViewerToken", params_.str());
    }

    /// Returns the user groups allowed to watch a video.
    /// API 52 `video/getUserGroupList` (path provisional).
    ///
    /// `video/getUserGroupList` (POST api:video/getUserGroupList, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_user_groups(const std::string &video_unique) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        return this->call("video/getUserGroupList", params_.str());
    }

    /// Allows the members of a user group to watch a video.
    /// API 53 `video/addUserGroup` (path provisional).
    ///
    /// `video/addUserGroup` (POST api:video/addUserGroup, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @param group_id The user group.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string add_user_group(const std::string &video_unique, int64_t group_id) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("group_id", group_id);
        return this->call("video/addUserGroup", params_.str());
    }

    /// Withdraws a user group's permission to watch a video.
    /// API 54 `video/deleteUserGroup` (path provisional).
    ///
    /// `video/deleteUserGroup` (POST api:video/deleteUserGroup, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @param group_id The user group.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string remove_user_group(const std::string &video_unique, int64_t group_id) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("group_id", group_id);
        return this->call("video/deleteUserGroup", params_.str());
    }

    /// Returns one page of the users allowed to watch a video.
    /// API 55 `video/getViewerList` (path provisional).
    ///
    /// `video/getViewerList` (POST api:video/getViewerList, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @param page Page number, from 1 (default 1). Optional.
    /// @param page_size Viewers per page, 1 to 100 (default 10). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_viewers(
        const std::string &video_unique,
        std::optional<int64_t> page = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("page", page);
        params_.add("page_size", page_size);
        return this->call("video/getViewerList", params_.str());
    }

    /// Allows users to watch a video. API 56 `video/addViewer` (path provisional).
    ///
    /// `video/addViewer` (POST api:video/addViewer, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @param user_ids The users, comma-separated ids (e.g. `"305467,306231"`; not empty).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string add_viewers(const std::string &video_unique, const std::string &user_ids) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("user_ids", user_ids);
        return this->call("video/addViewer", params_.str());
    }

    /// Withdraws users' permission to watch a video.
    /// API 57 `video/deleteViewer` (path provisional).
    ///
    /// `video/deleteViewer` (POST api:video/deleteViewer, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @param user_ids The users, comma-separated ids (e.g. `"305467,306231"`; not empty).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string remove_viewers(const std::string &video_unique, const std::string &user_ids) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("user_ids", user_ids);
        return this->call("video/deleteViewer", params_.str());
    }

    /// Returns how each viewer answered the questions of a video.
    /// API 58 `video/getAnswerRecord` (path provisional).
    ///
    /// `video/getAnswerRecord` (POST api:video/getAnswerRecord, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique The video: its id, as text (e.g. `"123"`).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_answer_records(const std::string &video_unique) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        return this->call("video/getAnswerRecord", params_.str());
    }

    /// Sets the account's transcode callback URL: the provider POSTs each
    /// upload-done, transcode-failed and transcoded event of videos uploaded
    /// without their own `callback_url` to it. `video_account/setTranscodeCallbackUrl`.
    ///
    /// `video_account/setTranscodeCallbackUrl` (POST api:video_account/setTranscodeCallbackUrl).
    /// @param url The callback URL; must start with `http://` or `https://`.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_transcode_callback_url(const std::string &url) const {
        json::Object params_;
        params_.add("url", url);
        return this->call("video_account/setTranscodeCallbackUrl", params_.str());
    }

    /// Returns the account's transcode callback URL (empty when none is set).
    /// `video_account/getTranscodeCallbackUrl`.
    ///
    /// `video_account/getTranscodeCallbackUrl` (POST api:video_account/getTranscodeCallbackUrl).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_transcode_callback_url() const {
        json::Object params_;
        return this->call("video_account/getTranscodeCallbackUrl", params_.str());
    }
};

}  // namespace vodkit

#endif  // VODKIT_BAIJIAYUN_HPP
