/* NULL for every pointer argument of every function: NULL_ARGUMENT or a
 * no-op, never a crash. `_free(NULL)` is a no-op. Pointer arguments the
 * header documents as optional (params_json, options_json, progress,
 * user_data, control, reader_data: NULL means none) are called with NULL and must work.
 * tests/c_abi.rs checks that this file calls every function of the header. */
#include "harness.h"

#define NULLARG(call) EXPECT_ERR((call), VODKIT_ERROR_NULL_ARGUMENT)

static int64_t never_read(void *user_data, uint64_t offset, uint8_t *buf, size_t len) {
    (void)user_data, (void)offset, (void)buf, (void)len;
    FAIL("a reader was called although no upload used its source");
}

int main(void) {
    char *s = NULL;
    vodkit_client *client = NULL;
    vodkit_baijiayun_verifier *verifier = NULL;
    vodkit_upload_control *token = NULL;
    const char *k[] = {"a"};
    const char *v[] = {"b"};
    const char *nulls[] = {NULL};
    const char *config = "{\"partner_id\":\"1\",\"partner_key\":\"k\",\"base_url\":\"http://127.0.0.1:1\","
                         "\"retry\":{\"max_retries\":0},\"connect_timeout_ms\":200}";

    /* Frees of NULL. */
    vodkit_error_free(NULL);
    vodkit_string_free(NULL);
    vodkit_client_free(NULL);
    vodkit_baijiayun_verifier_free(NULL);
    vodkit_upload_control_free(NULL);
    vodkit_cancel_token *old_name = NULL; /* the type's name before ABI 4 still compiles */
    vodkit_upload_control_free(old_name);

    /* Error accessors on NULL. */
    CHECK(vodkit_error_code(NULL) == 0);
    CHECK(strcmp(vodkit_error_message(NULL), "") == 0);
    CHECK(vodkit_error_provider_code(NULL) == NULL);
    CHECK(vodkit_error_request_id(NULL) == NULL);
    CHECK(vodkit_error_detail(NULL) == NULL);
    CHECK(vodkit_error_resume(NULL) == NULL);
    CHECK(vodkit_error_http_status(NULL) == 0);
    CHECK(vodkit_version() != NULL);
    CHECK(vodkit_abi_version() == VODKIT_ABI_VERSION);
    CHECK(vodkit_live_objects() == 0);

    /* Client. */
    NULLARG(vodkit_client_new(NULL, config, &client));
    NULLARG(vodkit_client_new("baijiayun", config, NULL));
    NULLARG(vodkit_client_new("baijiayun", NULL, &client));
    EXPECT_ERR(vodkit_client_new("\xc3\x28", config, &client), VODKIT_ERROR_INVALID_UTF8);
    CHECK(client == NULL);
    OK(vodkit_client_new("baijiayun", config, &client));
    NULLARG(vodkit_client_operations(NULL, &s));
    NULLARG(vodkit_client_operations(client, NULL));
    NULLARG(vodkit_client_credentials(NULL, &s));
    NULLARG(vodkit_client_credentials(client, NULL));
    /* Baijiayun's key never changes: null. */
    OK(vodkit_client_credentials(client, &s));
    CHECK(strcmp(s, "null") == 0);
    vodkit_string_free(s);
    s = NULL;
    NULLARG(vodkit_client_call(NULL, "video/getStatus", "{}", &s));
    NULLARG(vodkit_client_call(client, NULL, "{}", &s));
    NULLARG(vodkit_client_call(client, "video/getStatus", "{}", NULL));
    /* NULL params: none (video_id is then missing). */
    EXPECT_ERR(vodkit_client_call(client, "video/getStatus", NULL, &s), VODKIT_ERROR_INVALID_INPUT);
    NULLARG(vodkit_client_call_with_file(NULL, "video/uploadSubtitle", "{}", "subtitle", "/tmp/x.vtt", &s));
    NULLARG(vodkit_client_call_with_file(client, NULL, "{}", "subtitle", "/tmp/x.vtt", &s));
    NULLARG(vodkit_client_call_with_file(client, "video/uploadSubtitle", "{}", NULL, "/tmp/x.vtt", &s));
    NULLARG(vodkit_client_call_with_file(client, "video/uploadSubtitle", "{}", "subtitle", NULL, &s));
    NULLARG(vodkit_client_call_with_file(client, "video/uploadSubtitle", "{}", "subtitle", "/tmp/x.vtt", NULL));
    EXPECT_ERR(vodkit_client_call_with_file(client, "video/uploadSubtitle", NULL, "subtitle", "/nonexistent.vtt", &s),
               VODKIT_ERROR_INVALID_INPUT);

    /* Checkpoints. */
    NULLARG(vodkit_checkpoints_list(NULL, &s));
    NULLARG(vodkit_checkpoints_list("/tmp", NULL));
    NULLARG(vodkit_checkpoint_remove(NULL, "0123456789abcdef0123456789abcdef"));
    NULLARG(vodkit_checkpoint_remove("/tmp", NULL));
    EXPECT_ERR(vodkit_checkpoint_remove("/tmp", "../etc/passwd"), VODKIT_ERROR_INVALID_INPUT);

    /* Uploads. */
    NULLARG(vodkit_client_upload(NULL, "/tmp/x", NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_upload(client, NULL, NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_upload(client, "/tmp/x", NULL, NULL, NULL, NULL, NULL));
    /* NULL options, progress, user_data and control: the defaults (the file is missing). */
    EXPECT_ERR(vodkit_client_upload(client, "/nonexistent/x", NULL, NULL, NULL, NULL, &s), VODKIT_ERROR_INVALID_INPUT);
    const char *resume = "{\"provider\":\"baijiayun\",\"video_id\":1}";
    NULLARG(vodkit_client_resume_upload(NULL, resume, "/tmp/x", NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_resume_upload(client, NULL, "/tmp/x", NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_resume_upload(client, resume, NULL, NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_resume_upload(client, resume, "/tmp/x", NULL, NULL, NULL, NULL, NULL));
    EXPECT_ERR(vodkit_client_resume_upload(client, resume, "/nonexistent/x", NULL, NULL, NULL, NULL, &s),
               VODKIT_ERROR_INVALID_INPUT);

    /* Sources, and the one upload call over them. */
    vodkit_source *source = NULL;
    const uint8_t bytes[] = {1, 2, 3};
    NULLARG(vodkit_source_from_path(NULL, &source));
    NULLARG(vodkit_source_from_path("/tmp/x", NULL));
    EXPECT_ERR(vodkit_source_from_path("/nonexistent/x", &source), VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_source_from_path("\xc3\x28", &source), VODKIT_ERROR_INVALID_UTF8);
    NULLARG(vodkit_source_from_fd(0, NULL, &source));
    NULLARG(vodkit_source_from_fd(0, "x", NULL));
    EXPECT_ERR(vodkit_source_from_fd(-1, "x", &source), VODKIT_ERROR_INVALID_INPUT);
    /* A URL: NULL name is allowed (the URL's last path segment); another
     * scheme is INVALID_INPUT before any request. */
    NULLARG(vodkit_source_from_url(NULL, NULL, &source));
    NULLARG(vodkit_source_from_url("http://127.0.0.1:9/a.mp4", "x", NULL));
    EXPECT_ERR(vodkit_source_from_url("ftp://example.com/a.mp4", NULL, &source), VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_source_from_url("http://127.0.0.1:9/a.mp4", " ", &source), VODKIT_ERROR_INVALID_INPUT);
    NULLARG(vodkit_source_from_buffer(NULL, 3, "x", &source));
    NULLARG(vodkit_source_from_buffer(NULL, 0, "x", &source));
    NULLARG(vodkit_source_from_buffer(bytes, 3, NULL, &source));
    NULLARG(vodkit_source_from_buffer(bytes, 3, "x", NULL));
    EXPECT_ERR(vodkit_source_from_buffer(bytes, 0, "x", &source), VODKIT_ERROR_INVALID_INPUT);
    /* A NULL reader is NULL_ARGUMENT; reader_data may be NULL; an unknown flag is INVALID_ENUM. */
    NULLARG(vodkit_source_from_reader(NULL, NULL, 3, "x", VODKIT_SOURCE_READ_FROM_WORKERS, &source));
    NULLARG(vodkit_source_from_reader(NULL, NULL, 3, NULL, VODKIT_SOURCE_READ_ON_CALLER, &source));
    NULLARG(vodkit_source_from_reader(NULL, NULL, 3, "x", 0, NULL));
    EXPECT_ERR(vodkit_source_from_reader(never_read, NULL, 3, "x", 2, &source), VODKIT_ERROR_INVALID_ENUM);
    EXPECT_ERR(vodkit_source_from_reader(never_read, NULL, 0, "x", 0, &source), VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_source_from_reader(never_read, NULL, 3, " ", 0, &source), VODKIT_ERROR_INVALID_INPUT);
    CHECK(source == NULL); /* no out-param was written by a failed call */
    /* Made and freed without an upload: the reader is never called. */
    OK(vodkit_source_from_reader(never_read, NULL, 3, "x", VODKIT_SOURCE_READ_ON_CALLER, &source));
    vodkit_source_free(source);
    source = NULL;
    vodkit_source_free(NULL);
    OK(vodkit_source_from_buffer(bytes, 3, "x", &source));
    NULLARG(vodkit_client_upload_source(NULL, source, NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_upload_source(client, NULL, NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_upload_source(client, source, NULL, NULL, NULL, NULL, NULL));
    EXPECT_ERR(vodkit_client_upload_source(client, source, "{", NULL, NULL, NULL, &s), VODKIT_ERROR_INVALID_INPUT);
    NULLARG(vodkit_client_resume_upload_source(NULL, resume, source, NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_resume_upload_source(client, NULL, source, NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_resume_upload_source(client, resume, NULL, NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_resume_upload_source(client, resume, source, NULL, NULL, NULL, NULL, NULL));
    EXPECT_ERR(vodkit_client_resume_upload_source(client, "{", source, NULL, NULL, NULL, NULL, &s),
               VODKIT_ERROR_INVALID_INPUT);
    /* A batch: every pointer NULL in turn, a NULL entry, a bad jobs. */
    const vodkit_source *batch[] = {source};
    const vodkit_source *null_sources[] = {NULL};
    NULLARG(vodkit_client_upload_many(NULL, batch, 1, NULL, 1, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_upload_many(client, NULL, 1, NULL, 1, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_upload_many(client, null_sources, 1, NULL, 1, NULL, NULL, NULL, &s));
    NULLARG(vodkit_client_upload_many(client, batch, 1, NULL, 1, NULL, NULL, NULL, NULL));
    EXPECT_ERR(vodkit_client_upload_many(client, batch, 1, "{", 1, NULL, NULL, NULL, &s), VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_client_upload_many(client, batch, 1, NULL, 65, NULL, NULL, NULL, &s), VODKIT_ERROR_INVALID_INPUT);
    /* A copy between providers: every pointer NULL in turn (options,
       progress, user_data and control are optional), bad options, no id. */
    NULLARG(vodkit_copy(NULL, "7", client, NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_copy(client, NULL, client, NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_copy(client, "7", NULL, NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_copy(client, "7", client, NULL, NULL, NULL, NULL, NULL));
    EXPECT_ERR(vodkit_copy(client, "7", client, "{", NULL, NULL, NULL, &s), VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_copy(client, " ", client, NULL, NULL, NULL, NULL, &s), VODKIT_ERROR_INVALID_INPUT);
    vodkit_source_free(source);

    /* Baijiayun extras: the signer. */
    NULLARG(vodkit_baijiayun_sign(NULL, v, 1, "k", &s));
    NULLARG(vodkit_baijiayun_sign(k, NULL, 1, "k", &s));
    NULLARG(vodkit_baijiayun_sign(nulls, v, 1, "k", &s));
    NULLARG(vodkit_baijiayun_sign(k, nulls, 1, "k", &s));
    NULLARG(vodkit_baijiayun_sign(k, v, 1, NULL, &s));
    NULLARG(vodkit_baijiayun_sign(k, v, 1, "k", NULL));

    /* Baijiayun extras: the verifier. */
    NULLARG(vodkit_baijiayun_verifier_new(NULL, 0, true, &verifier));
    NULLARG(vodkit_baijiayun_verifier_new("k", 0, true, NULL));
    OK(vodkit_baijiayun_verifier_new("k", 0, true, &verifier));
    NULLARG(vodkit_baijiayun_verify_transcode_body(NULL, (const uint8_t *)"a=1", 3, &s));
    NULLARG(vodkit_baijiayun_verify_transcode_body(verifier, NULL, 3, &s));
    NULLARG(vodkit_baijiayun_verify_transcode_body(verifier, (const uint8_t *)"a=1", 3, NULL));
    NULLARG(vodkit_baijiayun_verify_transcode_fields(NULL, k, v, 1, &s));
    NULLARG(vodkit_baijiayun_verify_transcode_fields(verifier, NULL, v, 1, &s));
    NULLARG(vodkit_baijiayun_verify_transcode_fields(verifier, k, NULL, 1, &s));
    NULLARG(vodkit_baijiayun_verify_transcode_fields(verifier, nulls, v, 1, &s));
    NULLARG(vodkit_baijiayun_verify_transcode_fields(verifier, k, nulls, 1, &s));
    NULLARG(vodkit_baijiayun_verify_transcode_fields(verifier, k, v, 1, NULL));
    NULLARG(vodkit_baijiayun_verify_playback_auth_fields(NULL, k, v, 1, &s));
    NULLARG(vodkit_baijiayun_verify_playback_auth_fields(verifier, NULL, v, 1, &s));
    NULLARG(vodkit_baijiayun_verify_playback_auth_fields(verifier, k, NULL, 1, &s));
    NULLARG(vodkit_baijiayun_verify_playback_auth_fields(verifier, nulls, v, 1, &s));
    NULLARG(vodkit_baijiayun_verify_playback_auth_fields(verifier, k, nulls, 1, &s));
    NULLARG(vodkit_baijiayun_verify_playback_auth_fields(verifier, k, v, 1, NULL));
    NULLARG(vodkit_baijiayun_verify_playback_auth_body(NULL, (const uint8_t *)"a=1", 3, &s));
    NULLARG(vodkit_baijiayun_verify_playback_auth_body(verifier, NULL, 3, &s));
    NULLARG(vodkit_baijiayun_verify_playback_auth_body(verifier, (const uint8_t *)"a=1", 3, NULL));

    /* Upload controls. */
    NULLARG(vodkit_upload_control_new(NULL));
    NULLARG(vodkit_upload_control_cancel(NULL));
    CHECK(!vodkit_upload_control_is_cancelled(NULL));
    NULLARG(vodkit_upload_control_pause(NULL));
    NULLARG(vodkit_upload_control_resume(NULL));
    NULLARG(vodkit_upload_control_set_rate_limit(NULL, 1));
    CHECK(!vodkit_upload_control_is_paused(NULL));
    CHECK(vodkit_upload_control_rate_limit(NULL) == 0);
    OK(vodkit_upload_control_new(&token));
    OK(vodkit_upload_control_pause(token));
    CHECK(vodkit_upload_control_is_paused(token));
    OK(vodkit_upload_control_resume(token));
    CHECK(!vodkit_upload_control_is_paused(token));
    OK(vodkit_upload_control_set_rate_limit(token, 4096));
    CHECK(vodkit_upload_control_rate_limit(token) == 4096);

    /* Logs: a bad level is refused, a NULL callback turns logging off, a
     * drain without a queue or without a callback delivers nothing. */
    EXPECT_ERR(vodkit_set_log_callback(6, NULL, NULL), VODKIT_ERROR_INVALID_ENUM);
    OK(vodkit_set_log_callback(VODKIT_LOG_TRACE, NULL, NULL));
    CHECK(vodkit_log_drain(NULL, NULL) == 0);
    EXPECT_ERR(vodkit_set_log_queue(6), VODKIT_ERROR_INVALID_ENUM);
    OK(vodkit_set_log_queue(VODKIT_LOG_DEBUG));
    CHECK(vodkit_log_drain(NULL, NULL) == 0);
    OK(vodkit_set_log_queue(VODKIT_LOG_OFF));

    /* Android start-up: off Android a no-op success whatever it is given
     * (on Android a NULL JNIEnv or Context is INVALID_INPUT). */
    OK(vodkit_android_init(NULL, NULL));

    CHECK(s == NULL); /* no out-param was written by a failed call */
    vodkit_upload_control_free(token);
    vodkit_baijiayun_verifier_free(verifier);
    vodkit_client_free(client);
    /* Every handle, error and string handed out came back. */
    CHECK(vodkit_live_objects() == 0);
    printf("misuse ok\n");
    return 0;
}
