// DO NOT EDIT: generated from vodkit's operation catalog by `cargo run -p vodkit-codegen` (codegen/).
// Source: codegen/src/java.rs; codegen/tests/drift.rs fails when this file is stale.
package org.vodkit.providers;

import java.util.List;
import java.util.Map;

import org.vodkit.VodkitClient;

/**
 * Quvideo's operations as typed methods over a VodkitClient of "quvideo": each
 * builds the operation's JSON parameters (optional ones left out when null),
 * calls it and returns the answer's data as JSON. As thread-safe as the client;
 * closing stays the client's job.
 *
 * <pre>{@code
 * try (VodkitClient client = new VodkitClient(Quvideo.PROVIDER, configJson)) {
 *     Quvideo quvideo = new Quvideo(client);
 * }
 * }</pre>
 */
public final class Quvideo {
    /** The provider name its clients are built with. */
    public static final String PROVIDER = "quvideo";

    /** Every operation, in catalog order: its name, its catalog function, its method here. */
    public static final List<List<String>> OPERATION_METHODS = List.of(
            List.of("getVideos", "get_videos", "getVideos"),
            List.of("submitTranscode", "submit_transcode", "submitTranscode"),
            List.of("createAudit", "create_audit", "createAudit"),
            List.of("submitTabTranscode", "submit_tab_transcode", "submitTabTranscode"),
            List.of("getVideoById", "get_video_by_id", "getVideoById"),
            List.of("getRecommendVideos", "get_recommend_videos", "getRecommendVideos"),
            List.of("recommendVideo", "recommend_video", "recommendVideo"),
            List.of("pushObjectCache", "push_object_cache", "pushObjectCache"),
            List.of("getRecommendVideoById", "get_recommend_video_by_id", "getRecommendVideoById"),
            List.of("deleteVideoById", "delete_video_by_id", "deleteVideoById"),
            List.of("deleteRecommendById", "delete_recommend_by_id", "deleteRecommendById"),
            List.of("login", "login", "login"),
            List.of("signOut", "sign_out", "signOut"),
            List.of("refreshToken", "refresh_token", "refreshToken"));

    private final VodkitClient client;

    /**
     * @param client a client of {@link #PROVIDER} (the calls share it and its connections)
     * @throws IllegalArgumentException when the client is of another provider
     */
    public Quvideo(VodkitClient client) {
        this.client = Params.clientOf(client, PROVIDER);
    }

    /** The client the calls go through. */
    public VodkitClient client() {
        return client;
    }

    /**
     * Lists the app users' videos matching the filters, a page at a time.
     * `getVideos`.
     *
     * `getVideos` (GET api:console/vod/getVideos).
     *
     * @param pageIndex `pageIndex`: The page, from 1 (default 1; always sent). Optional: null leaves it out.
     * @param pageSize `pageSize`: Videos per page (default 10; always sent). Optional: null leaves it out.
     * @param videoId `videoId`: Only this video. Optional: null leaves it out.
     * @param userId `userId`: Only this app user's videos. Optional: null leaves it out.
     * @param title `title`: Only videos with this title. Optional: null leaves it out.
     * @param startTime `startTime`: Created at or after this time (`2019-01-09 22:11:29`). Optional: null leaves it out.
     * @param endTime `endTime`: Created at or before this time. Optional: null leaves it out.
     * @param userName `userName`: Only this app user's videos, by name. Optional: null leaves it out.
     * @param censorStatus `censorStatus`: Only videos in this review state (`onCensor`, `success`, `fail`, \u2026). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getVideos(
            Long pageIndex,
            Long pageSize,
            String videoId,
            String userId,
            String title,
            String startTime,
            String endTime,
            String userName,
            String censorStatus) {
        Params request = new Params();
        request.put("pageIndex", pageIndex);
        request.put("pageSize", pageSize);
        request.put("videoId", videoId);
        request.put("userId", userId);
        request.put("title", title);
        request.put("startTime", startTime);
        request.put("endTime", endTime);
        request.put("userName", userName);
        request.put("censorStatus", censorStatus);
        return client.call("getVideos", request.json());
    }

    /** As {@link #getVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getVideos() {
        return getVideos(null, null, null, null, null, null, null, null, null);
    }

    /** As {@link #getVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getVideos(Long pageIndex) {
        return getVideos(pageIndex, null, null, null, null, null, null, null, null);
    }

    /** As {@link #getVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getVideos(Long pageIndex, Long pageSize) {
        return getVideos(pageIndex, pageSize, null, null, null, null, null, null, null);
    }

    /** As {@link #getVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getVideos(Long pageIndex, Long pageSize, String videoId) {
        return getVideos(pageIndex, pageSize, videoId, null, null, null, null, null, null);
    }

    /** As {@link #getVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getVideos(Long pageIndex, Long pageSize, String videoId, String userId) {
        return getVideos(pageIndex, pageSize, videoId, userId, null, null, null, null, null);
    }

    /** As {@link #getVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getVideos(Long pageIndex, Long pageSize, String videoId, String userId, String title) {
        return getVideos(pageIndex, pageSize, videoId, userId, title, null, null, null, null);
    }

    /** As {@link #getVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getVideos(
            Long pageIndex,
            Long pageSize,
            String videoId,
            String userId,
            String title,
            String startTime) {
        return getVideos(pageIndex, pageSize, videoId, userId, title, startTime, null, null, null);
    }

    /** As {@link #getVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getVideos(
            Long pageIndex,
            Long pageSize,
            String videoId,
            String userId,
            String title,
            String startTime,
            String endTime) {
        return getVideos(pageIndex, pageSize, videoId, userId, title, startTime, endTime, null, null);
    }

    /** As {@link #getVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getVideos(
            Long pageIndex,
            Long pageSize,
            String videoId,
            String userId,
            String title,
            String startTime,
            String endTime,
            String userName) {
        return getVideos(pageIndex, pageSize, videoId, userId, title, startTime, endTime, userName, null);
    }

    /**
     * Starts a normal (not narrow-band HD) transcode of a video.
     * `submitTranscode`.
     *
     * `submitTranscode` (POST api:console/vod/submitTranscode).
     *
     * @param mediaId `mediaId`: The video (its `videoId`).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String submitTranscode(String mediaId) {
        Params request = new Params();
        request.put("mediaId", mediaId);
        return client.call("submitTranscode", request.json());
    }

    /**
     * Reviews a video by hand: block it (with a reason) or pass it.
     * `createAudit`.
     *
     * `createAudit` (POST api:console/vod/createAudit).
     *
     * @param mediaId `mediaId`: The video (its `videoId`).
     * @param status `status`: `Blocked` or `Normal`.
     * @param reason `reason`: Why it is blocked: required when blocking, at most 128 bytes (UTF-8). Optional: null leaves it out.
     * @param comment `comment`: A note for the back office. Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String createAudit(String mediaId, String status, String reason, String comment) {
        Params request = new Params();
        request.put("mediaId", mediaId);
        request.put("status", status);
        request.put("reason", reason);
        request.put("comment", comment);
        return client.call("createAudit", request.json());
    }

    /** As {@link #createAudit(String, String, String, String)}, the later optional parameters left out. */
    public String createAudit(String mediaId, String status) {
        return createAudit(mediaId, status, null, null);
    }

    /** As {@link #createAudit(String, String, String, String)}, the later optional parameters left out. */
    public String createAudit(String mediaId, String status, String reason) {
        return createAudit(mediaId, status, reason, null);
    }

    /**
     * Starts a narrow-band HD transcode of a video. `submitTabTranscode`.
     *
     * `submitTabTranscode` (POST api:console/vod/submitTabTranscode).
     *
     * @param mediaId `mediaId`: The video (its `videoId`).
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String submitTabTranscode(String mediaId) {
        Params request = new Params();
        request.put("mediaId", mediaId);
        return client.call("submitTabTranscode", request.json());
    }

    /**
     * Everything about one video. `getVideoById`.
     *
     * `getVideoById` (GET api:console/vod/getVideoById).
     *
     * @param videoId `videoId`: The video.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getVideoById(String videoId) {
        Params request = new Params();
        request.put("videoId", videoId);
        return client.call("getVideoById", request.json());
    }

    /**
     * Lists the recommended videos matching the filters, a page at a time.
     * `getRecommendVideos`.
     *
     * `getRecommendVideos` (GET api:console/vod/getRecommendVideos).
     *
     * @param pageIndex `pageIndex`: The page, from 1 (default 1; always sent). Optional: null leaves it out.
     * @param pageSize `pageSize`: Videos per page (default 10; always sent). Optional: null leaves it out.
     * @param videoId `videoId`: Only this video. Optional: null leaves it out.
     * @param userId `userId`: Only this app user's videos. Optional: null leaves it out.
     * @param title `title`: Only videos with this title. Optional: null leaves it out.
     * @param startTime `startTime`: Created at or after this time (`2019-01-09 22:11:29`). Optional: null leaves it out.
     * @param endTime `endTime`: Created at or before this time. Optional: null leaves it out.
     * @param userName `userName`: Only this app user's videos, by name. Optional: null leaves it out.
     * @param censorStatus `censorStatus`: Only videos in this review state (`onCensor`, `success`, `fail`, \u2026). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getRecommendVideos(
            Long pageIndex,
            Long pageSize,
            String videoId,
            String userId,
            String title,
            String startTime,
            String endTime,
            String userName,
            String censorStatus) {
        Params request = new Params();
        request.put("pageIndex", pageIndex);
        request.put("pageSize", pageSize);
        request.put("videoId", videoId);
        request.put("userId", userId);
        request.put("title", title);
        request.put("startTime", startTime);
        request.put("endTime", endTime);
        request.put("userName", userName);
        request.put("censorStatus", censorStatus);
        return client.call("getRecommendVideos", request.json());
    }

    /** As {@link #getRecommendVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getRecommendVideos() {
        return getRecommendVideos(null, null, null, null, null, null, null, null, null);
    }

    /** As {@link #getRecommendVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getRecommendVideos(Long pageIndex) {
        return getRecommendVideos(pageIndex, null, null, null, null, null, null, null, null);
    }

    /** As {@link #getRecommendVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getRecommendVideos(Long pageIndex, Long pageSize) {
        return getRecommendVideos(pageIndex, pageSize, null, null, null, null, null, null, null);
    }

    /** As {@link #getRecommendVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getRecommendVideos(Long pageIndex, Long pageSize, String videoId) {
        return getRecommendVideos(pageIndex, pageSize, videoId, null, null, null, null, null, null);
    }

    /** As {@link #getRecommendVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getRecommendVideos(Long pageIndex, Long pageSize, String videoId, String userId) {
        return getRecommendVideos(pageIndex, pageSize, videoId, userId, null, null, null, null, null);
    }

    /** As {@link #getRecommendVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getRecommendVideos(
            Long pageIndex,
            Long pageSize,
            String videoId,
            String userId,
            String title) {
        return getRecommendVideos(pageIndex, pageSize, videoId, userId, title, null, null, null, null);
    }

    /** As {@link #getRecommendVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getRecommendVideos(
            Long pageIndex,
            Long pageSize,
            String videoId,
            String userId,
            String title,
            String startTime) {
        return getRecommendVideos(pageIndex, pageSize, videoId, userId, title, startTime, null, null, null);
    }

    /** As {@link #getRecommendVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getRecommendVideos(
            Long pageIndex,
            Long pageSize,
            String videoId,
            String userId,
            String title,
            String startTime,
            String endTime) {
        return getRecommendVideos(pageIndex, pageSize, videoId, userId, title, startTime, endTime, null, null);
    }

    /** As {@link #getRecommendVideos(Long, Long, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String getRecommendVideos(
            Long pageIndex,
            Long pageSize,
            String videoId,
            String userId,
            String title,
            String startTime,
            String endTime,
            String userName) {
        return getRecommendVideos(pageIndex, pageSize, videoId, userId, title, startTime, endTime, userName, null);
    }

    /**
     * Adds a video to the recommended list, with what the app shows of it.
     * `recommendVideo`.
     *
     * `recommendVideo` (POST api:console/vod/recommendVideo).
     *
     * @param videoId `videoId`: The video.
     * @param title `title`: (string). Optional: null leaves it out.
     * @param userId `userId`: The app user who uploaded it. Optional: null leaves it out.
     * @param description `description`: (string). Optional: null leaves it out.
     * @param duration `duration`: Seconds. Optional: null leaves it out.
     * @param coverUrl `coverUrl`: (string). Optional: null leaves it out.
     * @param size `size`: Bytes of the source file. Optional: null leaves it out.
     * @param tags `tags`: Comma-separated tags. Optional: null leaves it out.
     * @param cateId `cateId`: (string). Optional: null leaves it out.
     * @param cateName `cateName`: (string). Optional: null leaves it out.
     * @param firstFrameUrl `firstFrameUrl`: (string). Optional: null leaves it out.
     * @param transcodeStatus `transcodeStatus`: Normal (not narrow-band) transcode status. Optional: null leaves it out.
     * @param snapshotStatus `snapshotStatus`: (string). Optional: null leaves it out.
     * @param censorStatus `censorStatus`: (string). Optional: null leaves it out.
     * @param isNarrow `isNarrow`: Whether it is narrow-band HD. Optional: null leaves it out.
     * @param isCache `isCache`: Whether it was pushed to the cache. Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String recommendVideo(
            String videoId,
            String title,
            String userId,
            String description,
            String duration,
            String coverUrl,
            String size,
            String tags,
            String cateId,
            String cateName,
            String firstFrameUrl,
            String transcodeStatus,
            String snapshotStatus,
            String censorStatus,
            String isNarrow,
            String isCache) {
        Params request = new Params();
        request.put("videoId", videoId);
        request.put("title", title);
        request.put("userId", userId);
        request.put("description", description);
        request.put("duration", duration);
        request.put("coverUrl", coverUrl);
        request.put("size", size);
        request.put("tags", tags);
        request.put("cateId", cateId);
        request.put("cateName", cateName);
        request.put("firstFrameUrl", firstFrameUrl);
        request.put("transcodeStatus", transcodeStatus);
        request.put("snapshotStatus", snapshotStatus);
        request.put("censorStatus", censorStatus);
        request.put("isNarrow", isNarrow);
        request.put("isCache", isCache);
        return client.call("recommendVideo", request.json());
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(String videoId) {
        return recommendVideo(videoId, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(String videoId, String title) {
        return recommendVideo(videoId, title, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(String videoId, String title, String userId) {
        return recommendVideo(videoId, title, userId, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(String videoId, String title, String userId, String description) {
        return recommendVideo(videoId, title, userId, description, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(
            String videoId,
            String title,
            String userId,
            String description,
            String duration) {
        return recommendVideo(videoId, title, userId, description, duration, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(
            String videoId,
            String title,
            String userId,
            String description,
            String duration,
            String coverUrl) {
        return recommendVideo(videoId, title, userId, description, duration, coverUrl, null, null, null, null, null, null, null, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(
            String videoId,
            String title,
            String userId,
            String description,
            String duration,
            String coverUrl,
            String size) {
        return recommendVideo(videoId, title, userId, description, duration, coverUrl, size, null, null, null, null, null, null, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(
            String videoId,
            String title,
            String userId,
            String description,
            String duration,
            String coverUrl,
            String size,
            String tags) {
        return recommendVideo(videoId, title, userId, description, duration, coverUrl, size, tags, null, null, null, null, null, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(
            String videoId,
            String title,
            String userId,
            String description,
            String duration,
            String coverUrl,
            String size,
            String tags,
            String cateId) {
        return recommendVideo(videoId, title, userId, description, duration, coverUrl, size, tags, cateId, null, null, null, null, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(
            String videoId,
            String title,
            String userId,
            String description,
            String duration,
            String coverUrl,
            String size,
            String tags,
            String cateId,
            String cateName) {
        return recommendVideo(videoId, title, userId, description, duration, coverUrl, size, tags, cateId, cateName, null, null, null, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(
            String videoId,
            String title,
            String userId,
            String description,
            String duration,
            String coverUrl,
            String size,
            String tags,
            String cateId,
            String cateName,
            String firstFrameUrl) {
        return recommendVideo(videoId, title, userId, description, duration, coverUrl, size, tags, cateId, cateName, firstFrameUrl, null, null, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(
            String videoId,
            String title,
            String userId,
            String description,
            String duration,
            String coverUrl,
            String size,
            String tags,
            String cateId,
            String cateName,
            String firstFrameUrl,
            String transcodeStatus) {
        return recommendVideo(videoId, title, userId, description, duration, coverUrl, size, tags, cateId, cateName, firstFrameUrl, transcodeStatus, null, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(
            String videoId,
            String title,
            String userId,
            String description,
            String duration,
            String coverUrl,
            String size,
            String tags,
            String cateId,
            String cateName,
            String firstFrameUrl,
            String transcodeStatus,
            String snapshotStatus) {
        return recommendVideo(videoId, title, userId, description, duration, coverUrl, size, tags, cateId, cateName, firstFrameUrl, transcodeStatus, snapshotStatus, null, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(
            String videoId,
            String title,
            String userId,
            String description,
            String duration,
            String coverUrl,
            String size,
            String tags,
            String cateId,
            String cateName,
            String firstFrameUrl,
            String transcodeStatus,
            String snapshotStatus,
            String censorStatus) {
        return recommendVideo(videoId, title, userId, description, duration, coverUrl, size, tags, cateId, cateName, firstFrameUrl, transcodeStatus, snapshotStatus, censorStatus, null, null);
    }

    /** As {@link #recommendVideo(String, String, String, String, String, String, String, String, String, String, String, String, String, String, String, String)}, the later optional parameters left out. */
    public String recommendVideo(
            String videoId,
            String title,
            String userId,
            String description,
            String duration,
            String coverUrl,
            String size,
            String tags,
            String cateId,
            String cateName,
            String firstFrameUrl,
            String transcodeStatus,
            String snapshotStatus,
            String censorStatus,
            String isNarrow) {
        return recommendVideo(videoId, title, userId, description, duration, coverUrl, size, tags, cateId, cateName, firstFrameUrl, transcodeStatus, snapshotStatus, censorStatus, isNarrow, null);
    }

    /**
     * Pre-warms the CDN cache for objects (`example.com/image/1.png`).
     * `pushObjectCache`.
     *
     * `pushObjectCache` (POST api:console/vod/pushObjectCache).
     *
     * @param objectPath `objectPath`: The objects' URLs; sent newline-separated, as the AppServer reads them. Read from a list, or from the document's own form: one string of newline-separated URLs.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String pushObjectCache(List<String> objectPath) {
        Params request = new Params();
        request.put("objectPath", objectPath);
        return client.call("pushObjectCache", request.json());
    }

    /**
     * Everything about one recommended video. `getRecommendVideoById`.
     *
     * `getRecommendVideoById` (GET api:console/vod/getRecommendVideoById).
     *
     * @param videoId `videoId`: The video.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String getRecommendVideoById(String videoId) {
        Params request = new Params();
        request.put("videoId", videoId);
        return client.call("getRecommendVideoById", request.json());
    }

    /**
     * Deletes a video. `deleteVideoById`.
     *
     * `deleteVideoById` (POST api:console/vod/deleteVideoById).
     *
     * @param videoId `videoId`: The video.
     * @param userId `userId`: The app user it belongs to. Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String deleteVideoById(String videoId, String userId) {
        Params request = new Params();
        request.put("videoId", videoId);
        request.put("userId", userId);
        return client.call("deleteVideoById", request.json());
    }

    /** As {@link #deleteVideoById(String, String)}, the later optional parameters left out. */
    public String deleteVideoById(String videoId) {
        return deleteVideoById(videoId, null);
    }

    /**
     * Takes a video off the recommended list. `deleteRecommendById`.
     *
     * `deleteRecommendById` (POST api:console/vod/deleteRecommendById).
     *
     * @param videoId `videoId`: The video.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String deleteRecommendById(String videoId) {
        Params request = new Params();
        request.put("videoId", videoId);
        return client.call("deleteRecommendById", request.json());
    }

    /**
     * Logs in with the configured `user_name` and `password` (added by the
     * auth, never part of a request model) and keeps the token for the calls
     * that follow. `/console/user/login`.
     *
     * `login` (POST api:console/user/login).
     *
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String login() {
        Params request = new Params();
        return client.call("login", request.json());
    }

    /**
     * Ends the session of the current token (sent as `consoleToken`; the
     * document's `userName`/`password` are not what the AppServer reads).
     * `/console/user/signOut`.
     *
     * `signOut` (POST api:console/user/signOut).
     *
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String signOut() {
        Params request = new Params();
        return client.call("signOut", request.json());
    }

    /**
     * Exchanges the current token for a fresh one (undocumented; the AppServer's
     * source has it). `/console/user/refreshToken`.
     *
     * `refreshToken` (POST api:console/user/refreshToken, provisional path: overridable with the config's `path_overrides`).
     *
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String refreshToken() {
        Params request = new Params();
        return client.call("refreshToken", request.json());
    }
}
