// DO NOT EDIT: generated from vodkit's operation catalog by `cargo run -p vodkit-codegen` (codegen/).
// Source: codegen/src/java.rs; codegen/tests/drift.rs fails when this file is stale.
package org.vodkit.providers;

import java.util.List;
import java.util.Map;

import org.vodkit.VodkitClient;

/**
 * Baijiayun's operations as typed methods over a VodkitClient of "baijiayun": each
 * builds the operation's JSON parameters (optional ones left out when null),
 * calls it and returns the answer's data as JSON. As thread-safe as the client;
 * closing stays the client's job.
 *
 * <pre>{@code
 * try (VodkitClient client = new VodkitClient(Baijiayun.PROVIDER, configJson)) {
 *     Baijiayun baijiayun = new Baijiayun(client);
 * }
 * }</pre>
 */
public final class Baijiayun {
    /** The provider name its clients are built with. */
    public static final String PROVIDER = "baijiayun";

    /** Every operation, in catalog order: its name, its catalog function, its method here. */
    public static final List<List<String>> OPERATION_METHODS = List.of(
            List.of("partner/createkey", "create_key", "createKey"),
            List.of("video/getUploadUrl", "get_upload_url", "getUploadUrl"),
            List.of("video/getResumeUploadUrl", "get_resume_upload_url", "getResumeUploadUrl"),
            List.of("video/getStatus", "get_status", "getStatus"),
            List.of("video/getInfo", "get_info", "getInfo"),
            List.of("video/getImage", "get_image", "getImage"),
            List.of("video/removeDefinition", "remove_definition", "removeDefinition"),
            List.of("video/deleteOriginVideo", "delete_origin_video", "deleteOriginVideo"),
            List.of("video/update", "update", "update"),
            List.of("video/delete", "delete", "delete"),
            List.of("video/getCategoryList", "get_category_list", "getCategoryList"),
            List.of("video/getCategoryInfo", "get_category_info", "getCategoryInfo"),
            List.of("video/addCategory", "add_category", "addCategory"),
            List.of("video/deleteCategory", "delete_category", "deleteCategory"),
            List.of("video/getCategoryVideo", "get_category_video", "getCategoryVideo"),
            List.of("video/setVideoCategory", "set_video_category", "setVideoCategory"),
            List.of("video/getPlayerToken", "get_player_token", "getPlayerToken"),
            List.of("video/getPlayerTokenBatch", "get_player_token_batch", "getPlayerTokenBatch"),
            List.of("video_account/getAccountInfo", "get_account_info", "getAccountInfo"),
            List.of("video_data/getUsedFlow", "get_video_used_flow", "getVideoUsedFlow"),
            List.of("video_account/getUsedFlow", "get_account_used_flow", "getAccountUsedFlow"),
            List.of("video/getUrl", "get_url", "getUrl"),
            List.of("video_data/getVideoPlayRecord", "get_video_play_record", "getVideoPlayRecord"),
            List.of("video_data/exportVideoReportBatch", "export_video_report_batch", "exportVideoReportBatch"),
            List.of("video/setPublishStatus", "set_publish_status", "setPublishStatus"),
            List.of("video/getShareUrl", "get_share_url", "getShareUrl"),
            List.of("video_data/getVideoPlayCountRank", "get_video_play_count_rank", "getVideoPlayCountRank"),
            List.of("video_data/getVideoDailyPlayCount", "get_video_daily_play_count", "getVideoDailyPlayCount"),
            List.of("video_data/getPartnerDailyPlayCount", "get_partner_daily_play_count", "getPartnerDailyPlayCount"),
            List.of("video/getVideoList", "get_video_list", "getVideoList"),
            List.of("video/uploadSubtitle", "upload_subtitle", "uploadSubtitle"),
            List.of("video/getSubtitleList", "get_subtitle_list", "getSubtitleList"),
            List.of("video/updateSubtitle", "update_subtitle", "updateSubtitle"),
            List.of("video/setDefaultSubtitle", "set_default_subtitle", "setDefaultSubtitle"),
            List.of("video/deleteSubtitle", "delete_subtitle", "deleteSubtitle"),
            List.of("video_account/getUsedFlowDetail", "get_account_used_flow_detail", "getAccountUsedFlowDetail"),
            List.of("video_data/getUsedFlowDetail", "get_product_used_flow_detail", "getProductUsedFlowDetail"),
            List.of("video_account/getStorgeAndFlowInfo", "get_storage_and_flow_info", "getStorageAndFlowInfo"),
            List.of("video/transcodeAgain", "transcode_again", "transcodeAgain"),
            List.of("video/createNotice", "create_notice", "createNotice"),
            List.of("video/bindNotice", "bind_notice", "bindNotice"),
            List.of("video/getQuestionList", "get_question_list", "getQuestionList"),
            List.of("video/saveQuestionList", "save_question_list", "saveQuestionList"),
            List.of("video/deleteQuestion", "delete_questions", "deleteQuestions"),
            List.of("video/getVideosCategory", "get_videos_category", "getVideosCategory"),
            List.of("video/uploadDocument", "upload_document", "uploadDocument"),
            List.of("video/setMarker", "set_markers", "setMarkers"),
            List.of("video/getMarker", "get_markers", "getMarkers"),
            List.of("video/setMarkerJump", "set_marker_jump", "setMarkerJump"),
            List.of("video/getViewerToken", "get_viewer_token", "getViewerToken"),
            List.of("video/getUserGroupList", "get_user_groups", "getUserGroups"),
            List.of("video/addUserGroup", "add_user_group", "addUserGroup"),
            List.of("video/deleteUserGroup", "remove_user_group", "removeUserGroup"),
            List.of("video/getViewerList", "get_viewers", "getViewers"),
            List.of("video/addViewer", "add_viewers", "addViewers"),
            List.of("video/deleteViewer", "remove_viewers", "removeViewers"),
            List.of("video/getAnswerRecord", "get_answer_records", "getAnswerRecords"),
            List.of("video_account/setTranscodeCallbackUrl", "set_transcode_callback_url", "setTranscodeCallbackUrl"),
            List.of("video_account/getTranscodeCallbackUrl", "get_transcode_callback_url", "getTranscodeCallbackUrl"));

    private final VodkitClient client;

    /**
     * @param client a client of {@link #PROVIDER} (the calls share it and its connections)
     * @throws IllegalArgumentException when the client is of another provider
     */
    public Baijiayun(VodkitClient client) {
        this.client = Params.clientOf(client, PROVIDER);
    }

    /** The client the calls go through. */
    public VodkitClient client() {
        return client;
    }

    /**
     * Returns the account's partner key, or makes a new one (the old key stops
     * working at once). API 1 `partner/createkey`.
     *
     * `partner/createkey` (POST api:partner/createkey).
     *
     * @param secretKey `secret_key`: The account's secret key for managing the partner key (from the provider's console; not the partner key).
     * @param regenerate `regenerate`: 1: make a new partner key (the old one stops working at once); 0 (the default): return the current one.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String createKey(String secretKey, long regenerate) {
        Params request = new Params();
        request.put("secret_key", secretKey);
        request.put("regenerate", regenerate);
        return client.call("partner/createkey", request.json());
    }

    /**
     * Creates a video (or audio) and returns its id and the URL to upload its
     * file to; the upload methods do this and the upload in one step.
     * API 2 `video/getUploadUrl`.
     *
     * `video/getUploadUrl` (POST api:video/getUploadUrl).
     *
     * @param fileName `file_name`: The file's name, shown as the video's name (not empty).
     * @param definition `definition`: Target definitions, comma-separated bits: 16 SD, 1 HD, 2 super HD, 4 720p, 8 1080p (e.g. `"16,1"`). A source below a target definition is transcoded at its own definition.
     * @param audioWithView `audio_with_view`: 1: process the file as audio, 0: as video (default 0). Optional: null leaves it out.
     * @param format `format`: Output formats, comma-separated bits: 1 mp4, 2 flv, 4 m3u8 (default: all three). Optional: null leaves it out.
     * @param encrypt `encrypt`: 1: also make an encrypted version, 2: don't. Needs the encryption permission; once it is granted, videos are encrypted by default. Optional: null leaves it out.
     * @param watermark `watermark`: The watermark to put on the video (003 edition; passed through as given). Optional: null leaves it out.
     * @param watermarkPos `watermark_pos`: Where the watermark goes (003 edition; passed through as given). Optional: null leaves it out.
     * @param useHttps `use_https`: 1: return an `https://` upload URL, 0: `http://` (the provider's default is 0; the upload methods send 1 unless told otherwise). Optional: null leaves it out.
     * @param callbackUrl `callback_url`: This video's transcode callback URL (`http://` or `https://`), instead of the account's (003 edition). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getUploadUrl(
            String fileName,
            String definition,
            Long audioWithView,
            String format,
            Long encrypt,
            String watermark,
            Long watermarkPos,
            Long useHttps,
            String callbackUrl) {
        Params request = new Params();
        request.put("file_name", fileName);
        request.put("definition", definition);
        request.put("audio_with_view", audioWithView);
        request.put("format", format);
        request.put("encrypt", encrypt);
        request.put("watermark", watermark);
        request.put("watermark_pos", watermarkPos);
        request.put("use_https", useHttps);
        request.put("callback_url", callbackUrl);
        return client.call("video/getUploadUrl", request.json());
    }

    /** As {@link #getUploadUrl(String, String, Long, String, Long, String, Long, Long, String)}, the later optional parameters left out. */
    public String getUploadUrl(String fileName, String definition) {
        return getUploadUrl(fileName, definition, null, null, null, null, null, null, null);
    }

    /** As {@link #getUploadUrl(String, String, Long, String, Long, String, Long, Long, String)}, the later optional parameters left out. */
    public String getUploadUrl(String fileName, String definition, Long audioWithView) {
        return getUploadUrl(fileName, definition, audioWithView, null, null, null, null, null, null);
    }

    /** As {@link #getUploadUrl(String, String, Long, String, Long, String, Long, Long, String)}, the later optional parameters left out. */
    public String getUploadUrl(String fileName, String definition, Long audioWithView, String format) {
        return getUploadUrl(fileName, definition, audioWithView, format, null, null, null, null, null);
    }

    /** As {@link #getUploadUrl(String, String, Long, String, Long, String, Long, Long, String)}, the later optional parameters left out. */
    public String getUploadUrl(
            String fileName,
            String definition,
            Long audioWithView,
            String format,
            Long encrypt) {
        return getUploadUrl(fileName, definition, audioWithView, format, encrypt, null, null, null, null);
    }

    /** As {@link #getUploadUrl(String, String, Long, String, Long, String, Long, Long, String)}, the later optional parameters left out. */
    public String getUploadUrl(
            String fileName,
            String definition,
            Long audioWithView,
            String format,
            Long encrypt,
            String watermark) {
        return getUploadUrl(fileName, definition, audioWithView, format, encrypt, watermark, null, null, null);
    }

    /** As {@link #getUploadUrl(String, String, Long, String, Long, String, Long, Long, String)}, the later optional parameters left out. */
    public String getUploadUrl(
            String fileName,
            String definition,
            Long audioWithView,
            String format,
            Long encrypt,
            String watermark,
            Long watermarkPos) {
        return getUploadUrl(fileName, definition, audioWithView, format, encrypt, watermark, watermarkPos, null, null);
    }

    /** As {@link #getUploadUrl(String, String, Long, String, Long, String, Long, Long, String)}, the later optional parameters left out. */
    public String getUploadUrl(
            String fileName,
            String definition,
            Long audioWithView,
            String format,
            Long encrypt,
            String watermark,
            Long watermarkPos,
            Long useHttps) {
        return getUploadUrl(fileName, definition, audioWithView, format, encrypt, watermark, watermarkPos, useHttps, null);
    }

    /**
     * Returns where to continue an interrupted upload and how many bytes the
     * server already holds, so only the rest is sent. API 4 `video/getResumeUploadUrl`.
     *
     * `video/getResumeUploadUrl` (POST api:video/getResumeUploadUrl).
     *
     * @param videoId `video_id`: The video whose upload to continue.
     * @param useHttps `use_https`: 1: return an `https://` upload URL, 0: `http://` (default 0). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getResumeUploadUrl(long videoId, Long useHttps) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("use_https", useHttps);
        return client.call("video/getResumeUploadUrl", request.json());
    }

    /** As {@link #getResumeUploadUrl(long, Long)}, the later optional parameters left out. */
    public String getResumeUploadUrl(long videoId) {
        return getResumeUploadUrl(videoId, null);
    }

    /**
     * Returns the upload and transcoding status of a video. API 5 `video/getStatus`.
     *
     * `video/getStatus` (POST api:video/getStatus).
     *
     * @param videoId `video_id`: The video, as returned when it was created.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getStatus(long videoId) {
        Params request = new Params();
        request.put("video_id", videoId);
        return client.call("video/getStatus", request.json());
    }

    /**
     * Returns everything known about a video: name, status, sizes, duration,
     * cover, transcoded files and category (deleted videos are not found).
     * API 6 `video/getInfo`.
     *
     * `video/getInfo` (POST api:video/getInfo).
     *
     * @param videoId `video_id`: The video.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getInfo(long videoId) {
        Params request = new Params();
        request.put("video_id", videoId);
        return client.call("video/getInfo", request.json());
    }

    /**
     * Returns the screenshots the provider took of a video.
     * API 7 `video/getImage`.
     *
     * `video/getImage` (POST api:video/getImage).
     *
     * @param videoId `video_id`: The video.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getImage(long videoId) {
        Params request = new Params();
        request.put("video_id", videoId);
        return client.call("video/getImage", request.json());
    }

    /**
     * Deletes the transcoded files of some definitions of a video (optionally
     * only some file types) to save storage. mp4 files go last: they are refused
     * while other types of the same definition remain. API 8 `video/removeDefinition`.
     *
     * `video/removeDefinition` (POST api:video/removeDefinition).
     *
     * @param videoId `video_id`: The video.
     * @param definition `definition`: Definitions to remove, comma-separated bits: 16 SD, 1 HD, 2 super HD, 4 720p, 8 1080p (e.g. `"16,1"`).
     * @param fileType `type`: File types to remove, comma-separated bits: 1 mp4, 2 flv, 4 m3u8, 8 encrypted (default: all types). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String removeDefinition(long videoId, String definition, String fileType) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("definition", definition);
        request.put("type", fileType);
        return client.call("video/removeDefinition", request.json());
    }

    /** As {@link #removeDefinition(long, String, String)}, the later optional parameters left out. */
    public String removeDefinition(long videoId, String definition) {
        return removeDefinition(videoId, definition, null);
    }

    /**
     * Deletes the uploaded source files of several videos, keeping their
     * transcoded files. API 9 `video/deleteOriginVideo`.
     *
     * `video/deleteOriginVideo` (POST api:video/deleteOriginVideo).
     *
     * @param videoIds `video_ids`: The videos, comma-separated ids (e.g. `"123,456"`; not empty).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String deleteOriginVideo(String videoIds) {
        Params request = new Params();
        request.put("video_ids", videoIds);
        return client.call("video/deleteOriginVideo", request.json());
    }

    /**
     * Renames a video (the name is the only thing it changes).
     * API 10 `video/update`.
     *
     * `video/update` (POST api:video/update).
     *
     * @param videoId `video_id`: The video.
     * @param name `name`: The new name (not empty when given). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String update(long videoId, String name) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("name", name);
        return client.call("video/update", request.json());
    }

    /** As {@link #update(long, String)}, the later optional parameters left out. */
    public String update(long videoId) {
        return update(videoId, null);
    }

    /**
     * Deletes a video and all its files. API 11 `video/delete`.
     *
     * `video/delete` (POST api:video/delete).
     *
     * @param videoId `video_id`: The video to delete.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String delete(long videoId) {
        Params request = new Params();
        request.put("video_id", videoId);
        return client.call("video/delete", request.json());
    }

    /**
     * Returns every video category of the account, as a tree.
     * API 12 `video/getCategoryList`.
     *
     * `video/getCategoryList` (POST api:video/getCategoryList).
     *
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getCategoryList() {
        Params request = new Params();
        return client.call("video/getCategoryList", request.json());
    }

    /**
     * Returns one category and its direct sub-categories (category 0: the
     * first-level categories). API 13 `video/getCategoryInfo`.
     *
     * `video/getCategoryInfo` (POST api:video/getCategoryInfo).
     *
     * @param categoryId `category_id`: The category; 0 (the default) for the top of the tree. Not negative.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getCategoryInfo(long categoryId) {
        Params request = new Params();
        request.put("category_id", categoryId);
        return client.call("video/getCategoryInfo", request.json());
    }

    /**
     * Adds a category (at most five levels deep) and returns it.
     * API 14 `video/addCategory`.
     *
     * `video/addCategory` (POST api:video/addCategory).
     *
     * @param name `name`: The category's name (not empty).
     * @param parentId `parent_id`: The parent category; 0 (the default) for a first-level category.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String addCategory(String name, long parentId) {
        Params request = new Params();
        request.put("name", name);
        request.put("parent_id", parentId);
        return client.call("video/addCategory", request.json());
    }

    /**
     * Deletes a category; refused while it or one of its sub-categories holds
     * videos. API 15 `video/deleteCategory`.
     *
     * `video/deleteCategory` (POST api:video/deleteCategory).
     *
     * @param categoryId `category_id`: The category to delete (&gt; 0).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String deleteCategory(long categoryId) {
        Params request = new Params();
        request.put("category_id", categoryId);
        return client.call("video/deleteCategory", request.json());
    }

    /**
     * Returns one page of the videos in a category and its sub-categories.
     * API 16 `video/getCategoryVideo`.
     *
     * `video/getCategoryVideo` (POST api:video/getCategoryVideo).
     *
     * @param categoryId `category_id`: The category (&gt; 0).
     * @param page `page`: Page number, from 1 (default 1). Optional: null leaves it out.
     * @param pageSize `page_size`: Videos per page, 1 to 100 (default 20). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getCategoryVideo(long categoryId, Long page, Long pageSize) {
        Params request = new Params();
        request.put("category_id", categoryId);
        request.put("page", page);
        request.put("page_size", pageSize);
        return client.call("video/getCategoryVideo", request.json());
    }

    /** As {@link #getCategoryVideo(long, Long, Long)}, the later optional parameters left out. */
    public String getCategoryVideo(long categoryId) {
        return getCategoryVideo(categoryId, null, null);
    }

    /** As {@link #getCategoryVideo(long, Long, Long)}, the later optional parameters left out. */
    public String getCategoryVideo(long categoryId, Long page) {
        return getCategoryVideo(categoryId, page, null);
    }

    /**
     * Puts a video in a category (0: in none); a video is in at most one.
     * API 17 `video/setVideoCategory`.
     *
     * `video/setVideoCategory` (POST api:video/setVideoCategory).
     *
     * @param videoId `video_id`: The video.
     * @param categoryId `category_id`: The category; 0 to take the video out of every category. Not negative.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String setVideoCategory(long videoId, long categoryId) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("category_id", categoryId);
        return client.call("video/setVideoCategory", request.json());
    }

    /**
     * Returns a token that lets the provider's player play a video.
     * API 18 `video/getPlayerToken`.
     *
     * `video/getPlayerToken` (POST api:video/getPlayerToken).
     *
     * @param videoId `video_id`: The video to play.
     * @param expiresIn `expires_in`: The token's lifetime in seconds; 0 (the default) never expires. Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getPlayerToken(long videoId, Long expiresIn) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("expires_in", expiresIn);
        return client.call("video/getPlayerToken", request.json());
    }

    /** As {@link #getPlayerToken(long, Long)}, the later optional parameters left out. */
    public String getPlayerToken(long videoId) {
        return getPlayerToken(videoId, null);
    }

    /**
     * Returns player tokens for several videos at once, keyed by video id.
     * API 19 `video/getPlayerTokenBatch`.
     *
     * `video/getPlayerTokenBatch` (POST api:video/getPlayerTokenBatch).
     *
     * @param videoIds `video_ids`: The videos, comma-separated ids (e.g. `"123,456"`; not empty).
     * @param expiresIn `expires_in`: The tokens' lifetime in seconds; 0 (the default) never expires. Not negative. Optional: null leaves it out.
     * @param productType `product_type`: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise live, 5 VOD (the default). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getPlayerTokenBatch(String videoIds, Long expiresIn, Long productType) {
        Params request = new Params();
        request.put("video_ids", videoIds);
        request.put("expires_in", expiresIn);
        request.put("product_type", productType);
        return client.call("video/getPlayerTokenBatch", request.json());
    }

    /** As {@link #getPlayerTokenBatch(String, Long, Long)}, the later optional parameters left out. */
    public String getPlayerTokenBatch(String videoIds) {
        return getPlayerTokenBatch(videoIds, null, null);
    }

    /** As {@link #getPlayerTokenBatch(String, Long, Long)}, the later optional parameters left out. */
    public String getPlayerTokenBatch(String videoIds, Long expiresIn) {
        return getPlayerTokenBatch(videoIds, expiresIn, null);
    }

    /**
     * Returns the account's package: storage and traffic, used and allowed
     * (traffic is counted once a day). API 20 `video_account/getAccountInfo`.
     *
     * `video_account/getAccountInfo` (POST api:video_account/getAccountInfo).
     *
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getAccountInfo() {
        Params request = new Params();
        return client.call("video_account/getAccountInfo", request.json());
    }

    /**
     * Returns the traffic (bytes) one video used between two dates of the
     * same month (counted once a day, so today's figure is not final).
     * API 21 `video_data/getUsedFlow` (path inferred from the section text).
     *
     * `video_data/getUsedFlow` (POST api:video_data/getUsedFlow).
     *
     * @param videoId `video_id`: The video.
     * @param startDate `start_date`: First day, `yyyy-mm-dd` (inclusive).
     * @param endDate `end_date`: Last day, `yyyy-mm-dd` (inclusive; not before `start_date`, same month).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getVideoUsedFlow(long videoId, String startDate, String endDate) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("start_date", startDate);
        request.put("end_date", endDate);
        return client.call("video_data/getUsedFlow", request.json());
    }

    /**
     * Returns the traffic (bytes) the whole account used between two dates
     * (counted once a day). API 22 `video_account/getUsedFlow` (path inferred
     * from the section text).
     *
     * `video_account/getUsedFlow` (POST api:video_account/getUsedFlow).
     *
     * @param startDate `start_date`: First day, `yyyy-mm-dd` (inclusive).
     * @param endDate `end_date`: Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getAccountUsedFlow(String startDate, String endDate) {
        Params request = new Params();
        request.put("start_date", startDate);
        request.put("end_date", endDate);
        return client.call("video_account/getUsedFlow", request.json());
    }

    /**
     * Returns the play URLs of a transcoded video (or audio), one per
     * definition, in one format. API 23 `video/getUrl`.
     *
     * `video/getUrl` (POST api:video/getUrl).
     *
     * @param videoId `video_id`: The video.
     * @param format `format`: mp4 (default), m3u8, flv or encrypt (the encrypted version, only on accounts with encryption enabled). Optional: null leaves it out.
     * @param expiresIn `expires_in`: How long the URLs stay valid, in seconds (default 12 hours). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getUrl(long videoId, String format, Long expiresIn) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("format", format);
        request.put("expires_in", expiresIn);
        return client.call("video/getUrl", request.json());
    }

    /** As {@link #getUrl(long, String, Long)}, the later optional parameters left out. */
    public String getUrl(long videoId) {
        return getUrl(videoId, null, null);
    }

    /** As {@link #getUrl(long, String, Long)}, the later optional parameters left out. */
    public String getUrl(long videoId, String format) {
        return getUrl(videoId, format, null);
    }

    /**
     * Returns one page of the play records of a video within one day: one
     * record per play. API 24 `video_data/getVideoPlayRecord` (path inferred
     * from the section text).
     *
     * `video_data/getVideoPlayRecord` (POST api:video_data/getVideoPlayRecord).
     *
     * @param videoId `video_id`: The video.
     * @param startTime `start_time`: Start of the window, `yyyy-mm-dd HH:MM:SS`.
     * @param endTime `end_time`: End of the window, `yyyy-mm-dd HH:MM:SS`: the same day as `start_time`, not before it.
     * @param page `page`: Page number, from 1 (default 1). Optional: null leaves it out.
     * @param pageSize `page_size`: Records per page, 1 to 1000 (default 100). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getVideoPlayRecord(
            long videoId,
            String startTime,
            String endTime,
            Long page,
            Long pageSize) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("start_time", startTime);
        request.put("end_time", endTime);
        request.put("page", page);
        request.put("page_size", pageSize);
        return client.call("video_data/getVideoPlayRecord", request.json());
    }

    /** As {@link #getVideoPlayRecord(long, String, String, Long, Long)}, the later optional parameters left out. */
    public String getVideoPlayRecord(long videoId, String startTime, String endTime) {
        return getVideoPlayRecord(videoId, startTime, endTime, null, null);
    }

    /** As {@link #getVideoPlayRecord(long, String, String, Long, Long)}, the later optional parameters left out. */
    public String getVideoPlayRecord(long videoId, String startTime, String endTime, Long page) {
        return getVideoPlayRecord(videoId, startTime, endTime, page, null);
    }

    /**
     * Returns one page of the play records of every video of the account (VOD
     * and replays) within one day: one record per play.
     * API 25 `video_data/exportVideoReportBatch` (path inferred from the section text).
     *
     * `video_data/exportVideoReportBatch` (POST api:video_data/exportVideoReportBatch).
     *
     * @param startTime `start_time`: Start of the window, `yyyy-mm-dd HH:MM:SS`.
     * @param endTime `end_time`: End of the window, `yyyy-mm-dd HH:MM:SS`: the same day as `start_time`, not before it.
     * @param productType `product_type`: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise live, 5 VOD (default 0: all). Optional: null leaves it out.
     * @param page `page`: Page number, from 1 (default 1). Optional: null leaves it out.
     * @param pageSize `page_size`: Records per page, 1 to 1000 (default 100). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String exportVideoReportBatch(
            String startTime,
            String endTime,
            Long productType,
            Long page,
            Long pageSize) {
        Params request = new Params();
        request.put("start_time", startTime);
        request.put("end_time", endTime);
        request.put("product_type", productType);
        request.put("page", page);
        request.put("page_size", pageSize);
        return client.call("video_data/exportVideoReportBatch", request.json());
    }

    /** As {@link #exportVideoReportBatch(String, String, Long, Long, Long)}, the later optional parameters left out. */
    public String exportVideoReportBatch(String startTime, String endTime) {
        return exportVideoReportBatch(startTime, endTime, null, null, null);
    }

    /** As {@link #exportVideoReportBatch(String, String, Long, Long, Long)}, the later optional parameters left out. */
    public String exportVideoReportBatch(String startTime, String endTime, Long productType) {
        return exportVideoReportBatch(startTime, endTime, productType, null, null);
    }

    /** As {@link #exportVideoReportBatch(String, String, Long, Long, Long)}, the later optional parameters left out. */
    public String exportVideoReportBatch(String startTime, String endTime, Long productType, Long page) {
        return exportVideoReportBatch(startTime, endTime, productType, page, null);
    }

    /**
     * Publishes or blocks a video (videos are published once transcoded).
     * API 26 `video/setPublishStatus`.
     *
     * `video/setPublishStatus` (POST api:video/setPublishStatus).
     *
     * @param videoId `video_id`: The video.
     * @param status `status`: 1 publish, 2 block.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String setPublishStatus(long videoId, long status) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("status", status);
        return client.call("video/setPublishStatus", request.json());
    }

    /**
     * Returns the ways to embed a video in a page: a js snippet, an iframe and
     * a flash URL. API 27 `video/getShareUrl`.
     *
     * `video/getShareUrl` (POST api:video/getShareUrl).
     *
     * @param videoId `video_id`: The video.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getShareUrl(long videoId) {
        Params request = new Params();
        request.put("video_id", videoId);
        return client.call("video/getShareUrl", request.json());
    }

    /**
     * Returns the 100 most played videos between two dates, with their play
     * counts. API 28 `video_data/getVideoPlayCountRank`.
     *
     * `video_data/getVideoPlayCountRank` (POST api:video_data/getVideoPlayCountRank).
     *
     * @param startDate `start_date`: First day, `yyyy-mm-dd` (inclusive).
     * @param endDate `end_date`: Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
     * @param productType `product_type`: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise live, 5 VOD (default 0: all). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getVideoPlayCountRank(String startDate, String endDate, Long productType) {
        Params request = new Params();
        request.put("start_date", startDate);
        request.put("end_date", endDate);
        request.put("product_type", productType);
        return client.call("video_data/getVideoPlayCountRank", request.json());
    }

    /** As {@link #getVideoPlayCountRank(String, String, Long)}, the later optional parameters left out. */
    public String getVideoPlayCountRank(String startDate, String endDate) {
        return getVideoPlayCountRank(startDate, endDate, null);
    }

    /**
     * Returns how often one video was played on each day between two dates.
     * API 29 `video_data/getVideoDailyPlayCount`.
     *
     * `video_data/getVideoDailyPlayCount` (POST api:video_data/getVideoDailyPlayCount).
     *
     * @param videoId `video_id`: The video.
     * @param startDate `start_date`: First day, `yyyy-mm-dd` (inclusive).
     * @param endDate `end_date`: Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getVideoDailyPlayCount(long videoId, String startDate, String endDate) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("start_date", startDate);
        request.put("end_date", endDate);
        return client.call("video_data/getVideoDailyPlayCount", request.json());
    }

    /**
     * Returns how often the account's videos were played on each day between
     * two dates. API 30 `video_data/getPartnerDailyPlayCount`.
     *
     * `video_data/getPartnerDailyPlayCount` (POST api:video_data/getPartnerDailyPlayCount).
     *
     * @param startDate `start_date`: First day, `yyyy-mm-dd` (inclusive).
     * @param endDate `end_date`: Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
     * @param productType `product_type`: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise live, 5 VOD (default 0: all). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getPartnerDailyPlayCount(String startDate, String endDate, Long productType) {
        Params request = new Params();
        request.put("start_date", startDate);
        request.put("end_date", endDate);
        request.put("product_type", productType);
        return client.call("video_data/getPartnerDailyPlayCount", request.json());
    }

    /** As {@link #getPartnerDailyPlayCount(String, String, Long)}, the later optional parameters left out. */
    public String getPartnerDailyPlayCount(String startDate, String endDate) {
        return getPartnerDailyPlayCount(startDate, endDate, null);
    }

    /**
     * Returns one page of the account's videos, optionally only those created
     * since a time or whose name contains a text. API 31 `video/getVideoList`.
     *
     * `video/getVideoList` (POST api:video/getVideoList).
     *
     * @param page `page`: Page number, from 1 (default 1). Optional: null leaves it out.
     * @param pageSize `page_size`: Videos per page, 1 to 1000 (default 20). Optional: null leaves it out.
     * @param createTime `create_time`: Only videos created from this time on: `YYYY-mm-dd HH:MM:SS` (default: no time filter). Optional: null leaves it out.
     * @param name `name`: Only videos whose name contains this (003 edition). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getVideoList(Long page, Long pageSize, String createTime, String name) {
        Params request = new Params();
        request.put("page", page);
        request.put("page_size", pageSize);
        request.put("create_time", createTime);
        request.put("name", name);
        return client.call("video/getVideoList", request.json());
    }

    /** As {@link #getVideoList(Long, Long, String, String)}, the later optional parameters left out. */
    public String getVideoList() {
        return getVideoList(null, null, null, null);
    }

    /** As {@link #getVideoList(Long, Long, String, String)}, the later optional parameters left out. */
    public String getVideoList(Long page) {
        return getVideoList(page, null, null, null);
    }

    /** As {@link #getVideoList(Long, Long, String, String)}, the later optional parameters left out. */
    public String getVideoList(Long page, Long pageSize) {
        return getVideoList(page, pageSize, null, null);
    }

    /** As {@link #getVideoList(Long, Long, String, String)}, the later optional parameters left out. */
    public String getVideoList(Long page, Long pageSize, String createTime) {
        return getVideoList(page, pageSize, createTime, null);
    }

    /**
     * Uploads a `.vtt` or `.srt` file as a subtitle of a video; a video's first
     * subtitle becomes its default one. API 32 `video/uploadSubtitle`.
     *
     * `video/uploadSubtitle` (POST api:video/uploadSubtitle).
     *
     * @param path the file to send (multipart field `subtitle`, or the config's `file_fields` override)
     * @param videoId `video_id`: The video the subtitle belongs to.
     * @param name `name`: The subtitle's name, shown in the player (not empty).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String uploadSubtitle(String path, long videoId, String name) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("name", name);
        return client.callWithFile("video/uploadSubtitle", request.json(), null, path);
    }

    /**
     * Returns every subtitle of a video. API 33 `video/getSubtitleList`.
     *
     * `video/getSubtitleList` (POST api:video/getSubtitleList).
     *
     * @param videoId `video_id`: The video.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getSubtitleList(long videoId) {
        Params request = new Params();
        request.put("video_id", videoId);
        return client.call("video/getSubtitleList", request.json());
    }

    /**
     * Renames a subtitle. API 34 `video/updateSubtitle`.
     *
     * `video/updateSubtitle` (POST api:video/updateSubtitle).
     *
     * @param name `name`: The new name (not empty).
     * @param subtitleId `subtitle_id`: The subtitle to rename.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String updateSubtitle(String name, long subtitleId) {
        Params request = new Params();
        request.put("name", name);
        request.put("subtitle_id", subtitleId);
        return client.call("video/updateSubtitle", request.json());
    }

    /**
     * Makes a subtitle the default one of its video.
     * API 35 `video/setDefaultSubtitle`.
     *
     * `video/setDefaultSubtitle` (POST api:video/setDefaultSubtitle).
     *
     * @param videoId `video_id`: The video.
     * @param subtitleId `subtitle_id`: One of the video's subtitles.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String setDefaultSubtitle(long videoId, long subtitleId) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("subtitle_id", subtitleId);
        return client.call("video/setDefaultSubtitle", request.json());
    }

    /**
     * Deletes a subtitle. API 36 `video/deleteSubtitle`.
     *
     * `video/deleteSubtitle` (POST api:video/deleteSubtitle).
     *
     * @param subtitleId `subtitle_id`: The subtitle to delete.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String deleteSubtitle(long subtitleId) {
        Params request = new Params();
        request.put("subtitle_id", subtitleId);
        return client.call("video/deleteSubtitle", request.json());
    }

    /**
     * Returns the traffic (bytes) the account used on each day between two
     * dates (counted once a day). API 37 `video_account/getUsedFlowDetail`.
     *
     * `video_account/getUsedFlowDetail` (POST api:video_account/getUsedFlowDetail).
     *
     * @param startDate `start_date`: First day, `yyyy-mm-dd` (inclusive).
     * @param endDate `end_date`: Last day, `yyyy-mm-dd` (inclusive; not before `start_date`).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getAccountUsedFlowDetail(String startDate, String endDate) {
        Params request = new Params();
        request.put("start_date", startDate);
        request.put("end_date", endDate);
        return client.call("video_account/getUsedFlowDetail", request.json());
    }

    /**
     * Returns one page of the traffic (bytes) each video of one product line
     * used on one day. API 38 `video_data/getUsedFlowDetail`.
     *
     * `video_data/getUsedFlowDetail` (POST api:video_data/getUsedFlowDetail).
     *
     * @param productType `product_type`: Product line: 1 big class, 2 small class, 3 dual teacher, 4 enterprise live, 5 VOD.
     * @param date `date`: The day, `yyyy-mm-dd`.
     * @param page `page`: Page number, from 1 (default 1). Optional: null leaves it out.
     * @param pageSize `page_size`: Videos per page, from 1 (default 100). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getProductUsedFlowDetail(long productType, String date, Long page, Long pageSize) {
        Params request = new Params();
        request.put("product_type", productType);
        request.put("date", date);
        request.put("page", page);
        request.put("page_size", pageSize);
        return client.call("video_data/getUsedFlowDetail", request.json());
    }

    /** As {@link #getProductUsedFlowDetail(long, String, Long, Long)}, the later optional parameters left out. */
    public String getProductUsedFlowDetail(long productType, String date) {
        return getProductUsedFlowDetail(productType, date, null, null);
    }

    /** As {@link #getProductUsedFlowDetail(long, String, Long, Long)}, the later optional parameters left out. */
    public String getProductUsedFlowDetail(long productType, String date, Long page) {
        return getProductUsedFlowDetail(productType, date, page, null);
    }

    /**
     * Returns the storage and traffic (bytes) of each product line of the
     * account, and in total (traffic is counted once a day).
     * API 39 `video_account/getStorgeAndFlowInfo` (sic: the real path).
     *
     * `video_account/getStorgeAndFlowInfo` (POST api:video_account/getStorgeAndFlowInfo).
     *
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getStorageAndFlowInfo() {
        Params request = new Params();
        return client.call("video_account/getStorgeAndFlowInfo", request.json());
    }

    /**
     * Transcodes a video again, into the given definitions and formats; its
     * status goes back to 20 (transcoding). API 40 `video/transcodeAgain`.
     *
     * `video/transcodeAgain` (POST api:video/transcodeAgain).
     *
     * @param videoId `video_id`: The video.
     * @param definition `definition`: Target definitions, comma-separated bits: 16 SD, 1 HD, 2 super HD, 4 720p, 8 1080p (e.g. `"16,1"`).
     * @param format `format`: Output formats, comma-separated bits: 1 mp4, 2 flv, 4 m3u8 (default: all three). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String transcodeAgain(long videoId, String definition, String format) {
        Params request = new Params();
        request.put("video_id", videoId);
        request.put("definition", definition);
        request.put("format", format);
        return client.call("video/transcodeAgain", request.json());
    }

    /** As {@link #transcodeAgain(long, String, String)}, the later optional parameters left out. */
    public String transcodeAgain(long videoId, String definition) {
        return transcodeAgain(videoId, definition, null);
    }

    /**
     * Creates a notice (lines of text, each optionally a link, shown on the
     * player) and returns its id, to show it on videos with bindNotice.
     * API 41 `video/createNotice` (path provisional).
     *
     * `video/createNotice` (POST api:video/createNotice, provisional path: overridable with the config's `path_overrides`).
     *
     * @param notice `notice`: The notice's lines, `{content, link}` each (at least one, none with empty content); sent as JSON text.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String createNotice(List<Map<String, ?>> notice) {
        Params request = new Params();
        request.put("notice", notice);
        return client.call("video/createNotice", request.json());
    }

    /**
     * Shows a notice on several videos. API 42 `video/bindNotice` (path provisional).
     *
     * `video/bindNotice` (POST api:video/bindNotice, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoIds `video_ids`: The videos, comma-separated ids (e.g. `"637000,637066"`; not empty).
     * @param noticeId `notice_id`: The notice, as returned by createNotice.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String bindNotice(String videoIds, long noticeId) {
        Params request = new Params();
        request.put("video_ids", videoIds);
        request.put("notice_id", noticeId);
        return client.call("video/bindNotice", request.json());
    }

    /**
     * Returns the questions shown while a video plays.
     * API 43 `video/getQuestionList` (path provisional).
     *
     * `video/getQuestionList` (POST api:video/getQuestionList, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getQuestionList(String videoUnique) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        return client.call("video/getQuestionList", request.json());
    }

    /**
     * Creates (questions without `id`) and updates (questions with `id`) the
     * questions shown while a video plays. API 44 `video/saveQuestionList` (path
     * provisional).
     *
     * `video/saveQuestionList` (POST api:video/saveQuestionList, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @param questionList `question_list`: The questions to save (at least one; each with a title and at least one choice, none empty); sent as JSON text.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String saveQuestionList(String videoUnique, List<Map<String, ?>> questionList) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        request.put("question_list", questionList);
        return client.call("video/saveQuestionList", request.json());
    }

    /**
     * Deletes questions of a video. API 45 `video/deleteQuestion` (path provisional).
     *
     * `video/deleteQuestion` (POST api:video/deleteQuestion, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @param questionIds `question_ids`: The questions, comma-separated ids (e.g. `"89,90"`; not empty).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String deleteQuestions(String videoUnique, String questionIds) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        request.put("question_ids", questionIds);
        return client.call("video/deleteQuestion", request.json());
    }

    /**
     * Returns the category (the id at each level) of several videos.
     * API 46 `video/getVideosCategory` (path provisional).
     *
     * `video/getVideosCategory` (POST api:video/getVideosCategory, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoIds `video_ids`: The videos, comma-separated ids (e.g. `"412768,412769"`; not empty).
     * @param categoryId `category_id`: Only the videos in this category (default: all of them). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getVideosCategory(String videoIds, Long categoryId) {
        Params request = new Params();
        request.put("video_ids", videoIds);
        request.put("category_id", categoryId);
        return client.call("video/getVideosCategory", request.json());
    }

    /** As {@link #getVideosCategory(String, Long)}, the later optional parameters left out. */
    public String getVideosCategory(String videoIds) {
        return getVideosCategory(videoIds, null);
    }

    /**
     * Attaches a document (a .ppt, .pptx, .txt or .pdf file) to a video.
     * API 47 `video/uploadDocument` (path provisional).
     *
     * `video/uploadDocument` (POST api:video/uploadDocument, provisional path: overridable with the config's `path_overrides`).
     *
     * @param path the file to send (multipart field `file`, or the config's `file_fields` override)
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String uploadDocument(String path, String videoUnique) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        return client.callWithFile("video/uploadDocument", request.json(), null, path);
    }

    /**
     * Replaces the markers on a video's progress bar (an empty list clears
     * them). API 48 `video/setMarker` (path provisional).
     *
     * `video/setMarker` (POST api:video/setMarker, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @param content `content`: The markers, `{time_offset, description, reference_link, btntxt, image}` each; every one needs a `time_offset` (`HH:MM:SS`). Sent as JSON text.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String setMarkers(String videoUnique, List<Map<String, ?>> content) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        request.put("content", content);
        return client.call("video/setMarker", request.json());
    }

    /**
     * Returns the markers on a video's progress bar, and whether clicking one
     * seeks to it. API 49 `video/getMarker` (path provisional).
     *
     * `video/getMarker` (POST api:video/getMarker, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getMarkers(String videoUnique) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        return client.call("video/getMarker", request.json());
    }

    /**
     * Sets whether clicking a marker of a video seeks to it.
     * API 50 `video/setMarkerJump` (path provisional).
     *
     * `video/setMarkerJump` (POST api:video/setMarkerJump, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @param jump `jump`: 1: a click on a marker seeks to it, 0: it doesn't.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String setMarkerJump(String videoUnique, long jump) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        request.put("jump", jump);
        return client.call("video/setMarkerJump", request.json());
    }

    /**
     * Returns a token (a JWT) that identifies a viewer to the player, so plays
     * and answers are recorded under that viewer.
     * API 51 `video/getViewerToken` (path provisional).
     *
     * `video/getViewerToken` (POST api:video/getViewerToken, provisional path: overridable with the config's `path_overrides`).
     *
     * @param userNumber `user_number`: The viewer's number in your system (&gt; 0).
     * @param name `name`: The viewer's display name. Optional: null leaves it out.
     * @param avatar `avatar`: The viewer's avatar image URL. Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getViewerToken(long userNumber, String name, String avatar) {
        Params request = new Params();
        request.put("user_number", userNumber);
        request.put("name", name);
        request.put("avatar", avatar);
        return client.call("video/getViewerToken", request.json());
    }

    /** As {@link #getViewerToken(long, String, String)}, the later optional parameters left out. */
    public String getViewerToken(long userNumber) {
        return getViewerToken(userNumber, null, null);
    }

    /** As {@link #getViewerToken(long, String, String)}, the later optional parameters left out. */
    public String getViewerToken(long userNumber, String name) {
        return getViewerToken(userNumber, name, null);
    }

    /**
     * Returns the user groups allowed to watch a video.
     * API 52 `video/getUserGroupList` (path provisional).
     *
     * `video/getUserGroupList` (POST api:video/getUserGroupList, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getUserGroups(String videoUnique) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        return client.call("video/getUserGroupList", request.json());
    }

    /**
     * Allows the members of a user group to watch a video.
     * API 53 `video/addUserGroup` (path provisional).
     *
     * `video/addUserGroup` (POST api:video/addUserGroup, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @param groupId `group_id`: The user group.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String addUserGroup(String videoUnique, long groupId) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        request.put("group_id", groupId);
        return client.call("video/addUserGroup", request.json());
    }

    /**
     * Withdraws a user group's permission to watch a video.
     * API 54 `video/deleteUserGroup` (path provisional).
     *
     * `video/deleteUserGroup` (POST api:video/deleteUserGroup, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @param groupId `group_id`: The user group.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String removeUserGroup(String videoUnique, long groupId) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        request.put("group_id", groupId);
        return client.call("video/deleteUserGroup", request.json());
    }

    /**
     * Returns one page of the users allowed to watch a video.
     * API 55 `video/getViewerList` (path provisional).
     *
     * `video/getViewerList` (POST api:video/getViewerList, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @param page `page`: Page number, from 1 (default 1). Optional: null leaves it out.
     * @param pageSize `page_size`: Viewers per page, 1 to 100 (default 10). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getViewers(String videoUnique, Long page, Long pageSize) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        request.put("page", page);
        request.put("page_size", pageSize);
        return client.call("video/getViewerList", request.json());
    }

    /** As {@link #getViewers(String, Long, Long)}, the later optional parameters left out. */
    public String getViewers(String videoUnique) {
        return getViewers(videoUnique, null, null);
    }

    /** As {@link #getViewers(String, Long, Long)}, the later optional parameters left out. */
    public String getViewers(String videoUnique, Long page) {
        return getViewers(videoUnique, page, null);
    }

    /**
     * Allows users to watch a video. API 56 `video/addViewer` (path provisional).
     *
     * `video/addViewer` (POST api:video/addViewer, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @param userIds `user_ids`: The users, comma-separated ids (e.g. `"305467,306231"`; not empty).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String addViewers(String videoUnique, String userIds) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        request.put("user_ids", userIds);
        return client.call("video/addViewer", request.json());
    }

    /**
     * Withdraws users' permission to watch a video.
     * API 57 `video/deleteViewer` (path provisional).
     *
     * `video/deleteViewer` (POST api:video/deleteViewer, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @param userIds `user_ids`: The users, comma-separated ids (e.g. `"305467,306231"`; not empty).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String removeViewers(String videoUnique, String userIds) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        request.put("user_ids", userIds);
        return client.call("video/deleteViewer", request.json());
    }

    /**
     * Returns how each viewer answered the questions of a video.
     * API 58 `video/getAnswerRecord` (path provisional).
     *
     * `video/getAnswerRecord` (POST api:video/getAnswerRecord, provisional path: overridable with the config's `path_overrides`).
     *
     * @param videoUnique `video_unique`: The video: its id, as text (e.g. `"123"`).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getAnswerRecords(String videoUnique) {
        Params request = new Params();
        request.put("video_unique", videoUnique);
        return client.call("video/getAnswerRecord", request.json());
    }

    /**
     * Sets the account's transcode callback URL: the provider POSTs each
     * upload-done, transcode-failed and transcoded event of videos uploaded
     * without their own `callback_url` to it. `video_account/setTranscodeCallbackUrl`.
     *
     * `video_account/setTranscodeCallbackUrl` (POST api:video_account/setTranscodeCallbackUrl).
     *
     * @param url `url`: The callback URL; must start with `http://` or `https://`.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String setTranscodeCallbackUrl(String url) {
        Params request = new Params();
        request.put("url", url);
        return client.call("video_account/setTranscodeCallbackUrl", request.json());
    }

    /**
     * Returns the account's transcode callback URL (empty when none is set).
     * `video_account/getTranscodeCallbackUrl`.
     *
     * `video_account/getTranscodeCallbackUrl` (POST api:video_account/getTranscodeCallbackUrl).
     *
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getTranscodeCallbackUrl() {
        Params request = new Params();
        return client.call("video_account/getTranscodeCallbackUrl", request.json());
    }
}
