/* A full upload with progress, then the main flow: status, info, play
 * URLs, player token, delete, and the generic call. */
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

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: upload FILE");
    const size_t size = 3 * 1024 * 1024 + 17;
    make_file(argv[1], size);
    vodkit_bjy_client *client = emulator_client(3, 1024 * 1024);

    vodkit_bjy_upload_options *options = NULL;
    OK(vodkit_bjy_upload_options_new(&options));
    OK(vodkit_bjy_upload_options_set_file_name(options, "c-upload.mp4"));
    OK(vodkit_bjy_upload_options_set_definitions(options, "16,1,2"));
    OK(vodkit_bjy_upload_options_set_formats(options, "1"));
    OK(vodkit_bjy_upload_options_set_encrypt(options, VODKIT_ENCRYPT_OFF));
    EXPECT_ERR(vodkit_bjy_upload_options_set_encrypt(options, 7), VODKIT_ERROR_INVALID_ENUM);

    seen_t seen = {0, 0, 0};
    char *video_id = NULL;
    OK(vodkit_bjy_upload(client, argv[1], options, on_progress, &seen, NULL, &video_id));
    vodkit_bjy_upload_options_free(options);
    CHECK(seen.calls >= 2);
    CHECK(seen.last == size);
    CHECK(seen.total == size);
    int64_t id = strtoll(video_id, NULL, 10);
    CHECK(id > 0);
    printf("video_id=%s\n", video_id);
    vodkit_string_free(video_id);

    int64_t status = 0;
    OK(vodkit_bjy_get_status(client, id, &status));
    /* Transcoding takes a few emulated seconds; a slow run (valgrind) may see it end. */
    CHECK(status == 20 || status == 100);

    char *json = NULL;
    OK(vodkit_bjy_get_info(client, id, &json));
    CHECK(strstr(json, "\"name\":\"c-upload.mp4\"") != NULL);
    vodkit_string_free(json);

    /* Play URLs exist only once transcoded: a provider error with its code. */
    vodkit_error *err = vodkit_bjy_get_play_urls(client, id, NULL, -1, &json);
    if (err != NULL) {
        CHECK(vodkit_error_code(err) == VODKIT_ERROR_PROVIDER);
        CHECK(strcmp(vodkit_error_provider_code(err), "1003") == 0);
        vodkit_error_free(err);
    } else {
        OK(vodkit_bjy_get_status(client, id, &status));
        CHECK(status == 100);
        vodkit_string_free(json);
    }

    char *token = NULL;
    OK(vodkit_bjy_get_player_token(client, id, 3600, &token));
    CHECK(strlen(token) > 10);
    vodkit_string_free(token);

    OK(vodkit_bjy_call(client, "video_account/setTranscodeCallbackUrl", "{\"url\":\"http://127.0.0.1:9/cb\"}", &json));
    CHECK(strcmp(json, "{\"url\":\"http://127.0.0.1:9/cb\"}") == 0);
    vodkit_string_free(json);
    OK(vodkit_bjy_call(client, "video_account/getTranscodeCallbackUrl", NULL, &json));
    CHECK(strstr(json, "127.0.0.1:9") != NULL);
    vodkit_string_free(json);
    EXPECT_ERR(vodkit_bjy_call(client, "video/getStatus", "not json", &json), VODKIT_ERROR_INVALID_INPUT);

    /* A subtitle, sent as an unsigned file part through the generic call. */
    char subtitle_path[4096];
    snprintf(subtitle_path, sizeof subtitle_path, "%s.vtt", argv[1]);
    FILE *vtt = fopen(subtitle_path, "w");
    CHECK(vtt != NULL);
    fputs("WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n", vtt);
    fclose(vtt);
    char params[128];
    snprintf(params, sizeof params, "{\"video_id\":%lld,\"name\":\"en\"}", (long long)id);
    OK(vodkit_bjy_call_with_file(client, "video/uploadSubtitle", params, "subtitle", subtitle_path, &json));
    CHECK(strstr(json, "\"subtitle_name\":\"en\"") != NULL);
    vodkit_string_free(json);
    EXPECT_ERR(vodkit_bjy_call_with_file(client, "video/uploadSubtitle", params, "subtitle", "/nonexistent.vtt", &json),
               VODKIT_ERROR_INVALID_INPUT);

    /* The harness runs the emulator with one emulated second of transcoding. */
    for (int i = 0; i < 600 && status != 100; i++) {
        OK(vodkit_bjy_get_status(client, id, &status));
        if (status != 100) sleep_ms(50);
    }
    CHECK(status == 100);
    OK(vodkit_bjy_get_play_urls(client, id, "mp4", 600, &json));
    CHECK(strstr(json, "\"superHD\"") != NULL && strstr(json, "/play/") != NULL);
    vodkit_string_free(json);

    OK(vodkit_bjy_delete(client, id));
    EXPECT_ERR(vodkit_bjy_get_status(client, id, &status), VODKIT_ERROR_INVALID_INPUT);
    vodkit_bjy_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("upload ok\n");
    return 0;
}
