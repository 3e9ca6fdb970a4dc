/* A full upload with options and progress, then the main flow through the
 * generic call: status, info, play URLs, player token, callback URL, a
 * subtitle sent with vodkit_client_call_with_file, delete. */
#include "harness.h"

typedef struct {
    uint64_t last;
    uint64_t total;
    int calls;
} seen_t;

static int32_t on_progress(void *user_data, const vodkit_progress *p) {
    seen_t *seen = user_data;
    if (p->bytes_done < seen->last) FAIL("progress went back: %llu < %llu",
                                         (unsigned long long)p->bytes_done, (unsigned long long)seen->last);
    if (p->bytes_done > p->bytes_total) FAIL("progress past the end");
    seen->last = p->bytes_done;
    seen->total = p->bytes_total;
    seen->calls++;
    return VODKIT_CONTINUE;
}

/* Calls `op` with `params` and returns the answer (free it). */
static char *call(const vodkit_client *client, const char *op, const char *params) {
    char *json = NULL;
    vodkit_error *err = vodkit_client_call(client, op, params, &json);
    if (err != NULL) FAIL("%s %s: code %u: %s", op, params, vodkit_error_code(err), vodkit_error_message(err));
    return json;
}

static long long status_of(const vodkit_client *client, long long id) {
    char params[64];
    snprintf(params, sizeof params, "{\"video_id\":%lld}", id);
    char *json = call(client, "video/getStatus", params);
    long long status = json_int_member(json, "status");
    vodkit_string_free(json);
    return status;
}

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: upload FILE");
    const size_t size = 3 * 1024 * 1024 + 17;
    make_file(argv[1], size);
    vodkit_client *client = emulator_client(3, 1024 * 1024);

    const char *options =
        "{\"file_name\":\"c-upload.mp4\",\"definitions\":[16,1,2],\"formats\":[1],\"encrypt\":false}";
    char *result = NULL;
    /* Options are typed: an unknown one or a wrong type is refused before any request. */
    EXPECT_ERR(vodkit_client_upload(client, argv[1], "{\"file_nam\":\"x\"}", NULL, NULL, NULL, &result),
               VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_client_upload(client, argv[1], "{\"definitions\":\"16\"}", NULL, NULL, NULL, &result),
               VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_client_upload(client, argv[1], "{", NULL, NULL, NULL, &result), VODKIT_ERROR_INVALID_INPUT);
    CHECK(result == NULL);

    seen_t seen = {0, 0, 0};
    OK(vodkit_client_upload(client, argv[1], options, on_progress, &seen, NULL, &result));
    CHECK(seen.calls >= 2);
    CHECK(seen.last == size);
    CHECK(seen.total == size);
    long long id = json_int_member(result, "video_id");
    CHECK(id > 0);
    CHECK(json_int_member(result, "bytes") == (long long)size);
    CHECK(json_int_member(result, "resumed_from") == 0);
    printf("video_id=%lld\n", id);
    vodkit_string_free(result);

    long long status = status_of(client, id);
    /* Transcoding takes a few emulated seconds; a slow run (valgrind) may see it end. */
    CHECK(status == 20 || status == 100);

    char params[128];
    snprintf(params, sizeof params, "{\"video_id\":%lld}", id);
    char *json = call(client, "video/getInfo", params);
    CHECK(strstr(json, "\"name\":\"c-upload.mp4\"") != NULL);
    vodkit_string_free(json);

    /* Play URLs exist only once transcoded: a provider error with its code. */
    vodkit_error *err = vodkit_client_call(client, "video/getUrl", params, &json);
    if (err != NULL) {
        CHECK(vodkit_error_code(err) == VODKIT_ERROR_PROVIDER);
        CHECK(strcmp(vodkit_error_provider_code(err), "1003") == 0);
        vodkit_error_free(err);
    } else {
        CHECK(status_of(client, id) == 100);
        vodkit_string_free(json);
    }

    snprintf(params, sizeof params, "{\"video_id\":%lld,\"expires_in\":3600}", id);
    json = call(client, "video/getPlayerToken", params);
    CHECK(strstr(json, "\"token\":\"") != NULL);
    vodkit_string_free(json);

    json = call(client, "video_account/setTranscodeCallbackUrl", "{\"url\":\"http://127.0.0.1:9/cb\"}");
    CHECK(strcmp(json, "{\"url\":\"http://127.0.0.1:9/cb\"}") == 0);
    vodkit_string_free(json);
    json = call(client, "video_account/getTranscodeCallbackUrl", NULL);
    CHECK(strstr(json, "127.0.0.1:9") != NULL);
    vodkit_string_free(json);
    EXPECT_ERR(vodkit_client_call(client, "video/getStatus", "not json", &json), VODKIT_ERROR_INVALID_INPUT);

    /* A subtitle, sent as an unsigned file part. */
    char subtitle_path[4096];
    snprintf(subtitle_path, sizeof subtitle_path, "%s.vtt", argv[1]);
    FILE *vtt = fopen(subtitle_path, "w");
    CHECK(vtt != NULL);
    fputs("WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n", vtt);
    fclose(vtt);
    snprintf(params, sizeof params, "{\"video_id\":%lld,\"name\":\"en\"}", id);
    OK(vodkit_client_call_with_file(client, "video/uploadSubtitle", params, "subtitle", subtitle_path, &json));
    CHECK(strstr(json, "\"subtitle_id\":") != NULL);
    vodkit_string_free(json);
    EXPECT_ERR(vodkit_client_call_with_file(client, "video/uploadSubtitle", params, "subtitle", "/nonexistent.vtt",
                                            &json),
               VODKIT_ERROR_INVALID_INPUT);
    /* The catalog knows the operation sends a file. */
    EXPECT_ERR(vodkit_client_call(client, "video/uploadSubtitle", params, &json), VODKIT_ERROR_INVALID_INPUT);

    /* The harness runs the emulator with a few emulated seconds of transcoding. */
    for (int i = 0; i < 600 && status != 100; i++) {
        status = status_of(client, id);
        if (status != 100) sleep_ms(50);
    }
    CHECK(status == 100);
    snprintf(params, sizeof params, "{\"video_id\":%lld,\"format\":\"mp4\",\"expires_in\":600}", id);
    json = call(client, "video/getUrl", params);
    CHECK(strstr(json, "\"superHD\"") != NULL && strstr(json, "/play/") != NULL);
    vodkit_string_free(json);

    snprintf(params, sizeof params, "{\"video_id\":%lld}", id);
    json = call(client, "video/delete", params);
    vodkit_string_free(json);
    EXPECT_ERR(vodkit_client_call(client, "video/getStatus", params, &json), VODKIT_ERROR_INVALID_INPUT);
    vodkit_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("upload ok\n");
    return 0;
}
