// DO NOT EDIT: generated from vodkit's operation catalog by `cargo run -p vodkit-codegen` (codegen/).
// Source: codegen/src/java.rs; codegen/tests/drift.rs fails when this file is stale.
package org.vodkit.providers;

import java.util.List;
import java.util.Map;

import org.vodkit.VodkitClient;

/**
 * Iqiyi's operations as typed methods over a VodkitClient of "iqiyi": each
 * builds the operation's JSON parameters (optional ones left out when null),
 * calls it and returns the answer's data as JSON. As thread-safe as the client;
 * closing stays the client's job.
 *
 * <pre>{@code
 * try (VodkitClient client = new VodkitClient(Iqiyi.PROVIDER, configJson)) {
 *     Iqiyi iqiyi = new Iqiyi(client);
 * }
 * }</pre>
 */
public final class Iqiyi {
    /** The provider name its clients are built with. */
    public static final String PROVIDER = "iqiyi";

    /** Every operation, in catalog order: its name, its catalog function, its method here. */
    public static final List<List<String>> OPERATION_METHODS = List.of(
            List.of("openupload", "open_upload", "openUpload"),
            List.of("uploadfinish", "upload_finish", "uploadFinish"),
            List.of("cancelupload", "cancel_upload", "cancelUpload"),
            List.of("file/info", "set_file_info", "setFileInfo"),
            List.of("iqiyi/authorize", "authorize", "authorize"),
            List.of("oauth2/token", "refresh_token", "refreshToken"),
            List.of("file/fullStatus", "full_status", "fullStatus"),
            List.of("file/videoListForExternal", "video_list", "videoList"),
            List.of("file/urllist", "url_list", "urlList"),
            List.of("file/delete", "delete", "delete"));

    private final VodkitClient client;

    /**
     * @param client a client of {@link #PROVIDER} (the calls share it and its connections)
     * @throws IllegalArgumentException when the client is of another provider
     */
    public Iqiyi(VodkitClient client) {
        this.client = Params.clientOf(client, PROVIDER);
    }

    /** The client the calls go through. */
    public VodkitClient client() {
        return client;
    }

    /**
     * Asks for a `file_id` and the URL to post the chunks to. Sent as headers
     * and query (with `role=openapi`, as the official SDK does). `openupload`.
     *
     * `openupload` (GET upload:openupload).
     *
     * @param filetype `filetype`: The file's type: its extension, such as `mp4` or `avi`.
     * @param filesize `filesize`: The file's size in bytes.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String openUpload(String filetype, long filesize) {
        Params request = new Params();
        request.put("filetype", filetype);
        request.put("filesize", filesize);
        return client.call("openupload", request.json());
    }

    /**
     * Says every chunk has arrived. Set the meta (`file/info`) first, or the
     * video never enters production. `uploadfinish`.
     *
     * `uploadfinish` (POST upload:uploadfinish).
     *
     * @param fileId `file_id`: The file's id (from `openupload`).
     * @param rangeFinished `range_finished`: Always `"true"` (the default). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String uploadFinish(String fileId, String rangeFinished) {
        Params request = new Params();
        request.put("file_id", fileId);
        request.put("range_finished", rangeFinished);
        return client.call("uploadfinish", request.json());
    }

    /** As {@link #uploadFinish(String, String)}, the later optional parameters left out. */
    public String uploadFinish(String fileId) {
        return uploadFinish(fileId, null);
    }

    /**
     * Stops an upload. `cancelupload` with `status=2`.
     *
     * `cancelupload` (POST upload:cancelupload).
     *
     * @param fileId `file_id`: The file's id (from `openupload`).
     * @param status `status`: 2: stop (the only documented value, and the default). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String cancelUpload(String fileId, Long status) {
        Params request = new Params();
        request.put("file_id", fileId);
        request.put("status", status);
        return client.call("cancelupload", request.json());
    }

    /** As {@link #cancelUpload(String, Long)}, the later optional parameters left out. */
    public String cancelUpload(String fileId) {
        return cancelUpload(fileId, null);
    }

    /**
     * Sets a file's meta: name, description, tags, category. Must come before
     * `uploadfinish`. `file/info`.
     *
     * `file/info` (GET openapi:api/file/info).
     *
     * @param fileId `file_id`: The file's id.
     * @param fileName `file_name`: The video's name (not empty).
     * @param description `description`: The video's description.
     * @param tags `tags`: Comma-separated tags, such as "\u9752\u6625,\u641e\u7b11". Optional: null leaves it out.
     * @param fileType `file_type`: The category: 1 film, 2 series, 3 documentary, 4 animation, 5 music, 6 variety, 7 entertainment, 8 games, 9 travel, 10 trailers, 12 education, 13 fashion, 15 children, 16 micro-film, 17 sports, 20 ads, 21 life, 22 comedy, 24 finance, 25 news, 26 cars, 27 original, 28 military. Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String setFileInfo(
            String fileId,
            String fileName,
            String description,
            String tags,
            Long fileType) {
        Params request = new Params();
        request.put("file_id", fileId);
        request.put("file_name", fileName);
        request.put("description", description);
        request.put("tags", tags);
        request.put("file_type", fileType);
        return client.call("file/info", request.json());
    }

    /** As {@link #setFileInfo(String, String, String, String, Long)}, the later optional parameters left out. */
    public String setFileInfo(String fileId, String fileName, String description) {
        return setFileInfo(fileId, fileName, description, null, null);
    }

    /** As {@link #setFileInfo(String, String, String, String, Long)}, the later optional parameters left out. */
    public String setFileInfo(String fileId, String fileName, String description, String tags) {
        return setFileInfo(fileId, fileName, description, tags, null);
    }

    /**
     * Gets a token pair with the app key and secret of the config (which the
     * client adds). `iqiyi/authorize`.
     *
     * `iqiyi/authorize` (GET openapi:api/iqiyi/authorize).
     *
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String authorize() {
        Params request = new Params();
        return client.call("iqiyi/authorize", request.json());
    }

    /**
     * Exchanges the refresh token for a new pair. `oauth2/token` with
     * `grant_type=refresh_token`.
     *
     * `oauth2/token` (GET openapi:api/oauth2/token).
     *
     * @param refreshToken `refresh_token`: The refresh token to use (default: the client's own). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String refreshToken(String refreshToken) {
        Params request = new Params();
        request.put("refresh_token", refreshToken);
        return client.call("oauth2/token", request.json());
    }

    /** As {@link #refreshToken(String)}, the later optional parameters left out. */
    public String refreshToken() {
        return refreshToken(null);
    }

    /**
     * A video's processing state and, once done, its images and play URLs.
     * `file/fullStatus`.
     *
     * `file/fullStatus` (GET openapi:api/file/fullStatus).
     *
     * @param fileId `file_id`: The file's id.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String fullStatus(String fileId) {
        Params request = new Params();
        request.put("file_id", fileId);
        return client.call("file/fullStatus", request.json());
    }

    /**
     * A page of the account's videos (transcoded and approved, or published
     * before review). `file/videoListForExternal`.
     *
     * `file/videoListForExternal` (GET openapi:api/file/videoListForExternal).
     *
     * @param fileIds `file_ids`: Comma-separated file ids; empty or absent: all videos. Optional: null leaves it out.
     * @param pageSize `page_size`: Videos per page, 1-100 (default 20). Optional: null leaves it out.
     * @param page `page`: The page, from 1 (default 1). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String videoList(String fileIds, Long pageSize, Long page) {
        Params request = new Params();
        request.put("file_ids", fileIds);
        request.put("page_size", pageSize);
        request.put("page", page);
        return client.call("file/videoListForExternal", request.json());
    }

    /** As {@link #videoList(String, Long, Long)}, the later optional parameters left out. */
    public String videoList() {
        return videoList(null, null, null);
    }

    /** As {@link #videoList(String, Long, Long)}, the later optional parameters left out. */
    public String videoList(String fileIds) {
        return videoList(fileIds, null, null);
    }

    /** As {@link #videoList(String, Long, Long)}, the later optional parameters left out. */
    public String videoList(String fileIds, Long pageSize) {
        return videoList(fileIds, pageSize, null);
    }

    /**
     * A video's play URLs per format and definition. `file/urllist`.
     *
     * `file/urllist` (GET openapi:api/file/urllist).
     *
     * @param fileId `file_id`: The file's id.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String urlList(String fileId) {
        Params request = new Params();
        request.put("file_id", fileId);
        return client.call("file/urllist", request.json());
    }

    /**
     * Deletes videos. `file/delete`.
     *
     * `file/delete` (GET openapi:api/file/delete).
     *
     * @param deleteType `delete_type`: 0: delete every video of the account; 1: the ones in `file_ids`.
     * @param fileIds `file_ids`: Comma-separated file ids (required with `delete_type` 1). Optional: null leaves it out.
     * @return the answer's data as JSON
     * @throws org.vodkit.VodkitException when the call fails
     */
    public String delete(long deleteType, String fileIds) {
        Params request = new Params();
        request.put("delete_type", deleteType);
        request.put("file_ids", fileIds);
        return client.call("file/delete", request.json());
    }

    /** As {@link #delete(long, String)}, the later optional parameters left out. */
    public String delete(long deleteType) {
        return delete(deleteType, null);
    }
}
