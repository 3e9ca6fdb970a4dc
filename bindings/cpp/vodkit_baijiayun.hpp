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

    /// API 1 `partner/createkey`: reads (or regenerates) the partner key.
    /// `Debug` hides `secret_key`.
    ///
    /// `partner/createkey` (POST api:partner/createkey).
    /// @param secret_key (string).
    /// @param regenerate 1: make a new key (the old one stops working at once).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string create_key(const std::string &secret_key, int64_t regenerate) const {
        json::Object params_;
        params_.add("secret_key", secret_key);
        params_.add("regenerate", regenerate);
        return this->call("partner/createkey", params_.str());
    }

    /// API 2 `video/getUploadUrl`: creates a video and returns where to upload it.
    /// [`Client::upload`] calls this for you.
    ///
    /// `video/getUploadUrl` (POST api:video/getUploadUrl).
    /// @param file_name (string). Optional.
    /// @param definition Target definitions, comma-separated bits: 16 SD, 1 HD, 2 super, 4 720p, 8 1080p. Optional.
    /// @param audio_with_view 1: process as audio. Optional.
    /// @param format Comma-separated bits: 1 mp4, 2 flv, 4 m3u8 (default: all three). Optional.
    /// @param encrypt 1: encrypt, 2: don't (needs the encryption permission). Optional.
    /// @param watermark (string). Optional.
    /// @param watermark_pos (integer). Optional.
    /// @param use_https (integer). Optional.
    /// @param callback_url Per-video transcode callback URL (003 edition). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_upload_url(
        const std::optional<std::string> &file_name = std::nullopt,
        const std::optional<std::string> &definition = std::nullopt,
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

    /// API 4 `video/getResumeUploadUrl`.
    ///
    /// `video/getResumeUploadUrl` (POST api:video/getResumeUploadUrl).
    /// @param video_id (integer). Optional.
    /// @param use_https (integer). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_resume_upload_url(
        std::optional<int64_t> video_id = std::nullopt,
        std::optional<int64_t> use_https = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("use_https", use_https);
        return this->call("video/getResumeUploadUrl", params_.str());
    }

    /// API 5 `video/getStatus`.
    ///
    /// `video/getStatus` (POST api:video/getStatus).
    /// @param video_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_status(int64_t video_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        return this->call("video/getStatus", params_.str());
    }

    /// API 6 `video/getInfo`.
    ///
    /// `video/getInfo` (POST api:video/getInfo).
    /// @param video_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_info(int64_t video_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        return this->call("video/getInfo", params_.str());
    }

    /// API 7 `video/getImage`: screenshots of a video.
    ///
    /// `video/getImage` (POST api:video/getImage).
    /// @param video_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_image(int64_t video_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        return this->call("video/getImage", params_.str());
    }

    /// API 8 `video/removeDefinition`: deletes transcoded files to save storage.
    ///
    /// `video/removeDefinition` (POST api:video/removeDefinition).
    /// @param video_id (integer). Optional.
    /// @param definition Comma-separated definition bits (16, 1, 2, 4, 8). Optional.
    /// @param type Comma-separated file types (1 mp4, 2 flv, 4 m3u8, 8 encrypted); all when absent. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string remove_definition(
        std::optional<int64_t> video_id = std::nullopt,
        const std::optional<std::string> &definition = std::nullopt,
        const std::optional<std::string> &type = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("definition", definition);
        params_.add("type", type);
        return this->call("video/removeDefinition", params_.str());
    }

    /// API 9 `video/deleteOriginVideo`: deletes the uploaded source files, keeping
    /// the transcoded ones.
    ///
    /// `video/deleteOriginVideo` (POST api:video/deleteOriginVideo).
    /// @param video_ids Comma-separated video ids.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_origin_video(const std::string &video_ids) const {
        json::Object params_;
        params_.add("video_ids", video_ids);
        return this->call("video/deleteOriginVideo", params_.str());
    }

    /// API 10 `video/update`: renames a video (the only field it changes).
    ///
    /// `video/update` (POST api:video/update).
    /// @param video_id (integer). Optional.
    /// @param name (string). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string update(
        std::optional<int64_t> video_id = std::nullopt,
        const std::optional<std::string> &name = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("name", name);
        return this->call("video/update", params_.str());
    }

    /// API 11 `video/delete`.
    ///
    /// `video/delete` (POST api:video/delete).
    /// @param video_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_(int64_t video_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        return this->call("video/delete", params_.str());
    }

    /// API 12 `video/getCategoryList`: the whole tree.
    ///
    /// `video/getCategoryList` (POST api:video/getCategoryList).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_category_list() const {
        json::Object params_;
        return this->call("video/getCategoryList", params_.str());
    }

    /// API 13 `video/getCategoryInfo`: one category and its direct children.
    ///
    /// `video/getCategoryInfo` (POST api:video/getCategoryInfo).
    /// @param category_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_category_info(int64_t category_id) const {
        json::Object params_;
        params_.add("category_id", category_id);
        return this->call("video/getCategoryInfo", params_.str());
    }

    /// API 14 `video/addCategory`.
    ///
    /// `video/addCategory` (POST api:video/addCategory).
    /// @param name (string).
    /// @param parent_id 0 for a first-level category.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string add_category(const std::string &name, int64_t parent_id) const {
        json::Object params_;
        params_.add("name", name);
        params_.add("parent_id", parent_id);
        return this->call("video/addCategory", params_.str());
    }

    /// API 15 `video/deleteCategory`.
    ///
    /// `video/deleteCategory` (POST api:video/deleteCategory).
    /// @param category_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_category(int64_t category_id) const {
        json::Object params_;
        params_.add("category_id", category_id);
        return this->call("video/deleteCategory", params_.str());
    }

    /// API 16 `video/getCategoryVideo`: videos in a category and its sub-categories.
    ///
    /// `video/getCategoryVideo` (POST api:video/getCategoryVideo).
    /// @param category_id (integer). Optional.
    /// @param page 1-based (default 1). Optional.
    /// @param page_size 1 to 100 (default 20). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_category_video(
        std::optional<int64_t> category_id = std::nullopt,
        std::optional<int64_t> page = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt) const {
        json::Object params_;
        params_.add("category_id", category_id);
        params_.add("page", page);
        params_.add("page_size", page_size);
        return this->call("video/getCategoryVideo", params_.str());
    }

    /// API 17 `video/setVideoCategory`.
    ///
    /// `video/setVideoCategory` (POST api:video/setVideoCategory).
    /// @param video_id (integer).
    /// @param category_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_video_category(int64_t video_id, int64_t category_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("category_id", category_id);
        return this->call("video/setVideoCategory", params_.str());
    }

    /// API 18 `video/getPlayerToken`.
    ///
    /// `video/getPlayerToken` (POST api:video/getPlayerToken).
    /// @param video_id (integer). Optional.
    /// @param expires_in Lifetime in seconds; 0 never expires. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_player_token(
        std::optional<int64_t> video_id = std::nullopt,
        std::optional<int64_t> expires_in = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("expires_in", expires_in);
        return this->call("video/getPlayerToken", params_.str());
    }

    /// API 19 `video/getPlayerTokenBatch`.
    ///
    /// `video/getPlayerTokenBatch` (POST api:video/getPlayerTokenBatch).
    /// @param video_ids Comma-separated video ids. Optional.
    /// @param expires_in Lifetime in seconds; 0 never expires. Optional.
    /// @param product_type Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise live, 5 VOD (default). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_player_token_batch(
        const std::optional<std::string> &video_ids = std::nullopt,
        std::optional<int64_t> expires_in = std::nullopt,
        std::optional<int64_t> product_type = std::nullopt) const {
        json::Object params_;
        params_.add("video_ids", video_ids);
        params_.add("expires_in", expires_in);
        params_.add("product_type", product_type);
        return this->call("video/getPlayerTokenBatch", params_.str());
    }

    /// API 20 `video_account/getAccountInfo`: the account's package and usage.
    ///
    /// `video_account/getAccountInfo` (POST api:video_account/getAccountInfo).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_account_info() const {
        json::Object params_;
        return this->call("video_account/getAccountInfo", params_.str());
    }

    /// API 21 `video_data/getUsedFlow` (path inferred from the section text):
    /// bytes one video used between two dates (not across months).
    ///
    /// `video_data/getUsedFlow` (POST api:video_data/getUsedFlow).
    /// @param video_id (integer).
    /// @param start_date (string).
    /// @param end_date (string).
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

    /// API 22 `video_account/getUsedFlow` (path inferred from the section text):
    /// bytes the whole account used between two dates.
    ///
    /// `video_account/getUsedFlow` (POST api:video_account/getUsedFlow).
    /// @param start_date (string).
    /// @param end_date (string).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_account_used_flow(const std::string &start_date, const std::string &end_date) const {
        json::Object params_;
        params_.add("start_date", start_date);
        params_.add("end_date", end_date);
        return this->call("video_account/getUsedFlow", params_.str());
    }

    /// API 23 `video/getUrl`: play URLs per definition.
    ///
    /// `video/getUrl` (POST api:video/getUrl).
    /// @param video_id (integer). Optional.
    /// @param format mp4 (default), m3u8, flv or encrypt. Optional.
    /// @param expires_in URL lifetime in seconds (default 12 hours). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_url(
        std::optional<int64_t> video_id = std::nullopt,
        const std::optional<std::string> &format = std::nullopt,
        std::optional<int64_t> expires_in = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("format", format);
        params_.add("expires_in", expires_in);
        return this->call("video/getUrl", params_.str());
    }

    /// API 24 `video_data/getVideoPlayRecord` (path inferred from the section text):
    /// one record per play of a video, within one day.
    ///
    /// `video_data/getVideoPlayRecord` (POST api:video_data/getVideoPlayRecord).
    /// @param video_id (integer). Optional.
    /// @param start_time `yyyy-mm-dd HH:MM:SS`. Optional.
    /// @param end_time `yyyy-mm-dd HH:MM:SS`, the same day as `start_time`. Optional.
    /// @param page From 1 (default 1). Optional.
    /// @param page_size 1..=1000 (default 100). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_video_play_record(
        std::optional<int64_t> video_id = std::nullopt,
        const std::optional<std::string> &start_time = std::nullopt,
        const std::optional<std::string> &end_time = std::nullopt,
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

    /// API 25 `video_data/exportVideoReportBatch` (path inferred from the section
    /// text): play records of every video of the account (VOD and replays),
    /// within one day.
    ///
    /// `video_data/exportVideoReportBatch` (POST api:video_data/exportVideoReportBatch).
    /// @param product_type 1 live class, 2 small class, 3 double teacher, 4 enterprise live, 5 VOD (default 0: all). Optional.
    /// @param start_time (string). Optional.
    /// @param end_time (string). Optional.
    /// @param page (integer). Optional.
    /// @param page_size (integer). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string export_video_report_batch(
        std::optional<int64_t> product_type = std::nullopt,
        const std::optional<std::string> &start_time = std::nullopt,
        const std::optional<std::string> &end_time = std::nullopt,
        std::optional<int64_t> page = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt) const {
        json::Object params_;
        params_.add("product_type", product_type);
        params_.add("start_time", start_time);
        params_.add("end_time", end_time);
        params_.add("page", page);
        params_.add("page_size", page_size);
        return this->call("video_data/exportVideoReportBatch", params_.str());
    }

    /// API 26 `video/setPublishStatus`.
    ///
    /// `video/setPublishStatus` (POST api:video/setPublishStatus).
    /// @param video_id (integer).
    /// @param status 1 published, 2 blocked.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_publish_status(int64_t video_id, int64_t status) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("status", status);
        return this->call("video/setPublishStatus", params_.str());
    }

    /// API 27 `video/getShareUrl`.
    ///
    /// `video/getShareUrl` (POST api:video/getShareUrl).
    /// @param video_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_share_url(int64_t video_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        return this->call("video/getShareUrl", params_.str());
    }

    /// API 28 `video_data/getVideoPlayCountRank`: the 100 most played videos.
    ///
    /// `video_data/getVideoPlayCountRank` (POST api:video_data/getVideoPlayCountRank).
    /// @param start_date (string).
    /// @param end_date (string).
    /// @param product_type (integer). Optional.
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

    /// API 29 `video_data/getVideoDailyPlayCount`: plays of one video per day.
    ///
    /// `video_data/getVideoDailyPlayCount` (POST api:video_data/getVideoDailyPlayCount).
    /// @param video_id (integer).
    /// @param start_date (string).
    /// @param end_date (string).
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

    /// API 30 `video_data/getPartnerDailyPlayCount`: plays of the account per day.
    ///
    /// `video_data/getPartnerDailyPlayCount` (POST api:video_data/getPartnerDailyPlayCount).
    /// @param start_date (string).
    /// @param end_date (string).
    /// @param product_type (integer). Optional.
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

    /// API 31 `video/getVideoList`: the account's videos, a page at a time.
    ///
    /// `video/getVideoList` (POST api:video/getVideoList).
    /// @param page 1-based (default 1). Optional.
    /// @param page_size 1 to 1000 (default 20). Optional.
    /// @param create_time Only videos created from this time on: `YYYY-mm-dd HH:MM:SS`. Optional.
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

    /// API 32 `video/uploadSubtitle`. The file goes as the multipart part
    /// `subtitle`, which is not signed; use [`Client::upload_subtitle`].
    ///
    /// `video/uploadSubtitle` (POST api:video/uploadSubtitle).
    /// @param file_path The file to send (multipart field `subtitle`).
    /// @param name (string).
    /// @param video_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string upload_subtitle(
        const std::string &file_path,
        const std::string &name,
        int64_t video_id) const {
        json::Object params_;
        params_.add("name", name);
        params_.add("video_id", video_id);
        return this->call_with_file("video/uploadSubtitle", params_.str(), "subtitle", file_path);
    }

    /// API 33 `video/getSubtitleList`.
    ///
    /// `video/getSubtitleList` (POST api:video/getSubtitleList).
    /// @param video_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_subtitle_list(int64_t video_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        return this->call("video/getSubtitleList", params_.str());
    }

    /// API 34 `video/updateSubtitle`: renames a subtitle.
    ///
    /// `video/updateSubtitle` (POST api:video/updateSubtitle).
    /// @param name (string).
    /// @param subtitle_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string update_subtitle(const std::string &name, int64_t subtitle_id) const {
        json::Object params_;
        params_.add("name", name);
        params_.add("subtitle_id", subtitle_id);
        return this->call("video/updateSubtitle", params_.str());
    }

    /// API 35 `video/setDefaultSubtitle`.
    ///
    /// `video/setDefaultSubtitle` (POST api:video/setDefaultSubtitle).
    /// @param video_id (integer).
    /// @param subtitle_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_default_subtitle(int64_t video_id, int64_t subtitle_id) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("subtitle_id", subtitle_id);
        return this->call("video/setDefaultSubtitle", params_.str());
    }

    /// API 36 `video/deleteSubtitle`.
    ///
    /// `video/deleteSubtitle` (POST api:video/deleteSubtitle).
    /// @param subtitle_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_subtitle(int64_t subtitle_id) const {
        json::Object params_;
        params_.add("subtitle_id", subtitle_id);
        return this->call("video/deleteSubtitle", params_.str());
    }

    /// API 37 `video_account/getUsedFlowDetail`: the account's flow per day.
    ///
    /// `video_account/getUsedFlowDetail` (POST api:video_account/getUsedFlowDetail).
    /// @param start_date (string).
    /// @param end_date (string).
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

    /// API 38 `video_data/getUsedFlowDetail`: flow per video of one product line on one day.
    ///
    /// `video_data/getUsedFlowDetail` (POST api:video_data/getUsedFlowDetail).
    /// @param product_type 1 live class, 2 small class, 3 double teacher, 4 enterprise live, 5 VOD. Optional.
    /// @param date (string). Optional.
    /// @param page (integer). Optional.
    /// @param page_size (integer). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_product_used_flow_detail(
        std::optional<int64_t> product_type = std::nullopt,
        const std::optional<std::string> &date = std::nullopt,
        std::optional<int64_t> page = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt) const {
        json::Object params_;
        params_.add("product_type", product_type);
        params_.add("date", date);
        params_.add("page", page);
        params_.add("page_size", page_size);
        return this->call("video_data/getUsedFlowDetail", params_.str());
    }

    /// API 39 `video_account/getStorgeAndFlowInfo` (sic: the real path).
    ///
    /// `video_account/getStorgeAndFlowInfo` (POST api:video_account/getStorgeAndFlowInfo).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_storage_and_flow_info() const {
        json::Object params_;
        return this->call("video_account/getStorgeAndFlowInfo", params_.str());
    }

    /// API 40 `video/transcodeAgain`.
    ///
    /// `video/transcodeAgain` (POST api:video/transcodeAgain).
    /// @param video_id (integer). Optional.
    /// @param definition Comma-separated definition bits. Optional.
    /// @param format Comma-separated format bits (default: mp4, flv and m3u8). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string transcode_again(
        std::optional<int64_t> video_id = std::nullopt,
        const std::optional<std::string> &definition = std::nullopt,
        const std::optional<std::string> &format = std::nullopt) const {
        json::Object params_;
        params_.add("video_id", video_id);
        params_.add("definition", definition);
        params_.add("format", format);
        return this->call("video/transcodeAgain", params_.str());
    }

    /// API 41 (path provisional): creates a notice. `notice` is sent as JSON text.
    ///
    /// `video/createNotice` (POST api:video/createNotice, provisional path: overridable with the config's `path_overrides`).
    /// @param notice (JSON objects).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string create_notice(const std::vector<vodkit::Json> &notice) const {
        json::Object params_;
        params_.add("notice", notice);
        return this->call("video/createNotice", params_.str());
    }

    /// API 42 (path provisional): shows a notice on videos.
    ///
    /// `video/bindNotice` (POST api:video/bindNotice, provisional path: overridable with the config's `path_overrides`).
    /// @param video_ids Comma-separated video ids.
    /// @param notice_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string bind_notice(const std::string &video_ids, int64_t notice_id) const {
        json::Object params_;
        params_.add("video_ids", video_ids);
        params_.add("notice_id", notice_id);
        return this->call("video/bindNotice", params_.str());
    }

    /// API 43 (path provisional): the questions of a video.
    ///
    /// `video/getQuestionList` (POST api:video/getQuestionList, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_question_list(const std::string &video_unique) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        return this->call("video/getQuestionList", params_.str());
    }

    /// API 44 (path provisional): creates and updates questions of a video.
    ///
    /// `video/saveQuestionList` (POST api:video/saveQuestionList, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string).
    /// @param question_list Sent as JSON text.
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

    /// API 45 (path provisional): deletes questions of a video.
    ///
    /// `video/deleteQuestion` (POST api:video/deleteQuestion, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string).
    /// @param question_ids Comma-separated question ids.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string delete_questions(const std::string &video_unique, const std::string &question_ids) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("question_ids", question_ids);
        return this->call("video/deleteQuestion", params_.str());
    }

    /// API 46 (path provisional): the category levels of several videos.
    ///
    /// `video/getVideosCategory` (POST api:video/getVideosCategory, provisional path: overridable with the config's `path_overrides`).
    /// @param video_ids Comma-separated video ids. Optional.
    /// @param category_id Only the videos in this category. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_videos_category(
        const std::optional<std::string> &video_ids = std::nullopt,
        std::optional<int64_t> category_id = std::nullopt) const {
        json::Object params_;
        params_.add("video_ids", video_ids);
        params_.add("category_id", category_id);
        return this->call("video/getVideosCategory", params_.str());
    }

    /// API 47 (path provisional): attaches a document to a video; the file goes
    /// as the multipart part `file` (not signed).
    ///
    /// `video/uploadDocument` (POST api:video/uploadDocument, provisional path: overridable with the config's `path_overrides`).
    /// @param file_path The file to send (multipart field `file`).
    /// @param video_unique (string).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string upload_document(const std::string &file_path, const std::string &video_unique) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        return this->call_with_file("video/uploadDocument", params_.str(), "file", file_path);
    }

    /// API 48 (path provisional): replaces the markers of a video.
    ///
    /// `video/setMarker` (POST api:video/setMarker, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string).
    /// @param content Sent as JSON text.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_markers(const std::string &video_unique, const std::vector<vodkit::Json> &content) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("content", content);
        return this->call("video/setMarker", params_.str());
    }

    /// API 49 (path provisional): the markers of a video.
    ///
    /// `video/getMarker` (POST api:video/getMarker, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_markers(const std::string &video_unique) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        return this->call("video/getMarker", params_.str());
    }

    /// API 50 (path provisional): whether a click on a marker seeks to it.
    ///
    /// `video/setMarkerJump` (POST api:video/setMarkerJump, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string).
    /// @param jump 1 on, 0 off.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_marker_jump(const std::string &video_unique, int64_t jump) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("jump", jump);
        return this->call("video/setMarkerJump", params_.str());
    }

    /// API 51 (path provisional): a token that identifies a viewer to the player.
    ///
    /// `video/getViewerToken` (POST api:video/getViewerToken, provisional path: overridable with the config's `path_overrides`).
    /// @param user_number The viewer's number in your system (> 0). Optional.
    /// @param name (string). Optional.
    /// @param avatar Avatar image URL. Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_viewer_token(
        std::optional<int64_t> user_number = std::nullopt,
        const std::optional<std::string> &name = std::nullopt,
        const std::optional<std::string> &avatar = std::nullopt) const {
        json::Object params_;
        params_.add("user_number", user_number);
        params_.add("name", name);
        params_.add("avatar", avatar);
        return this->call("video/getViewerToken", params_.str());
    }

    /// API 52 (path provisional): the user groups allowed to watch a video.
    ///
    /// `video/getUserGroupList` (POST api:video/getUserGroupList, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_user_groups(const std::string &video_unique) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        return this->call("video/getUserGroupList", params_.str());
    }

    /// API 53 (path provisional): allows a user group to watch a video.
    ///
    /// `video/addUserGroup` (POST api:video/addUserGroup, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string).
    /// @param group_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string add_user_group(const std::string &video_unique, int64_t group_id) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("group_id", group_id);
        return this->call("video/addUserGroup", params_.str());
    }

    /// API 54 (path provisional): withdraws a user group from a video.
    ///
    /// `video/deleteUserGroup` (POST api:video/deleteUserGroup, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string).
    /// @param group_id (integer).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string remove_user_group(const std::string &video_unique, int64_t group_id) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("group_id", group_id);
        return this->call("video/deleteUserGroup", params_.str());
    }

    /// API 55 (path provisional): the viewers allowed to watch a video, a page at a time.
    ///
    /// `video/getViewerList` (POST api:video/getViewerList, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string). Optional.
    /// @param page 1-based (default 1). Optional.
    /// @param page_size 1..=100 (default 10). Optional.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_viewers(
        const std::optional<std::string> &video_unique = std::nullopt,
        std::optional<int64_t> page = std::nullopt,
        std::optional<int64_t> page_size = std::nullopt) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("page", page);
        params_.add("page_size", page_size);
        return this->call("video/getViewerList", params_.str());
    }

    /// API 56 (path provisional): allows users to watch a video.
    ///
    /// `video/addViewer` (POST api:video/addViewer, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string).
    /// @param user_ids Comma-separated user ids.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string add_viewers(const std::string &video_unique, const std::string &user_ids) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("user_ids", user_ids);
        return this->call("video/addViewer", params_.str());
    }

    /// API 57 (path provisional): withdraws users from a video.
    ///
    /// `video/deleteViewer` (POST api:video/deleteViewer, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string).
    /// @param user_ids Comma-separated user ids.
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string remove_viewers(const std::string &video_unique, const std::string &user_ids) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        params_.add("user_ids", user_ids);
        return this->call("video/deleteViewer", params_.str());
    }

    /// API 58 (path provisional): how each viewer answered the video's questions.
    ///
    /// `video/getAnswerRecord` (POST api:video/getAnswerRecord, provisional path: overridable with the config's `path_overrides`).
    /// @param video_unique (string).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string get_answer_records(const std::string &video_unique) const {
        json::Object params_;
        params_.add("video_unique", video_unique);
        return this->call("video/getAnswerRecord", params_.str());
    }

    /// `video_account/setTranscodeCallbackUrl`: the account's transcode callback URL.
    ///
    /// `video_account/setTranscodeCallbackUrl` (POST api:video_account/setTranscodeCallbackUrl).
    /// @param url (string).
    /// @return The answer's data as JSON.
    /// @throws vodkit::Error when the call fails.
    std::string set_transcode_callback_url(const std::string &url) const {
        json::Object params_;
        params_.add("url", url);
        return this->call("video_account/setTranscodeCallbackUrl", params_.str());
    }

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
