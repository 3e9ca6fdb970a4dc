/* NULL for every pointer argument of every function: an error or nothing,
 * never a crash. `_free(NULL)` is a no-op. The harness also checks that the
 * list below covers every function of the header. */
#include "harness.h"

#define NULLARG(call) EXPECT_ERR((call), VODKIT_ERROR_NULL_ARGUMENT)

int main(void) {
    char *s = NULL;
    int64_t i64 = 0;
    vodkit_bjy_config *config = NULL;
    vodkit_bjy_client *client = NULL;
    vodkit_bjy_upload_options *options = NULL;
    vodkit_bjy_verifier *verifier = NULL;
    vodkit_cancel_token *token = NULL;
    const char *k[] = {"a"};
    const char *v[] = {"b"};
    const char *nulls[] = {NULL};

    /* Frees of NULL. */
    vodkit_error_free(NULL);
    vodkit_string_free(NULL);
    vodkit_bjy_config_free(NULL);
    vodkit_bjy_client_free(NULL);
    vodkit_bjy_upload_options_free(NULL);
    vodkit_bjy_verifier_free(NULL);
    vodkit_cancel_token_free(NULL);

    /* Error accessors on NULL. */
    CHECK(vodkit_error_code(NULL) == 0);
    CHECK(strcmp(vodkit_error_message(NULL), "") == 0);
    CHECK(vodkit_error_provider_code(NULL) == NULL);
    CHECK(vodkit_error_request_id(NULL) == NULL);
    CHECK(vodkit_error_detail(NULL) == NULL);
    CHECK(vodkit_error_http_status(NULL) == 0);
    CHECK(vodkit_version() != NULL);
    CHECK(vodkit_abi_version() == VODKIT_ABI_VERSION);

    /* Config. */
    NULLARG(vodkit_bjy_config_new(NULL, "k", &config));
    NULLARG(vodkit_bjy_config_new("1", NULL, &config));
    NULLARG(vodkit_bjy_config_new("1", "k", NULL));
    NULLARG(vodkit_bjy_config_from_json(NULL, &config));
    NULLARG(vodkit_bjy_config_from_json("{}", NULL));
    OK(vodkit_bjy_config_new("1", "k", &config));
    NULLARG(vodkit_bjy_config_set_base_url(NULL, "http://x"));
    NULLARG(vodkit_bjy_config_set_base_url(config, NULL));
    NULLARG(vodkit_bjy_config_set_private_domain(NULL, "acme"));
    NULLARG(vodkit_bjy_config_set_private_domain(config, NULL));
    NULLARG(vodkit_bjy_config_set_secret_key(NULL, "s"));
    NULLARG(vodkit_bjy_config_set_secret_key(config, NULL));
    NULLARG(vodkit_bjy_config_set_timeouts(NULL, 1, 1, 1));
    NULLARG(vodkit_bjy_config_set_proxy(NULL, NULL));
    OK(vodkit_bjy_config_set_proxy(config, NULL)); /* NULL removes the proxy */
    NULLARG(vodkit_bjy_config_set_user_agent(NULL, "ua"));
    NULLARG(vodkit_bjy_config_set_user_agent(config, NULL));
    NULLARG(vodkit_bjy_config_set_retries(NULL, 1, 1, 1));
    NULLARG(vodkit_bjy_config_set_part_size(NULL, 1));
    NULLARG(vodkit_bjy_config_set_path_override(NULL, "a", "b"));
    NULLARG(vodkit_bjy_config_set_path_override(config, NULL, "b"));
    NULLARG(vodkit_bjy_config_set_path_override(config, "a", NULL));
    EXPECT_ERR(vodkit_bjy_config_set_base_url(config, "\xc3\x28"), VODKIT_ERROR_INVALID_UTF8);
    OK(vodkit_bjy_config_set_base_url(config, "http://127.0.0.1:1"));

    /* Client. */
    NULLARG(vodkit_bjy_client_new(NULL, &client));
    NULLARG(vodkit_bjy_client_new(config, NULL));
    OK(vodkit_bjy_client_new(config, &client));
    NULLARG(vodkit_bjy_call(NULL, "video/getStatus", "{}", &s));
    NULLARG(vodkit_bjy_call(client, NULL, "{}", &s));
    NULLARG(vodkit_bjy_call(client, "video/getStatus", "{}", NULL));
    NULLARG(vodkit_bjy_call_with_file(NULL, "video/uploadSubtitle", "{}", "subtitle", "/tmp/x.vtt", &s));
    NULLARG(vodkit_bjy_call_with_file(client, NULL, "{}", "subtitle", "/tmp/x.vtt", &s));
    NULLARG(vodkit_bjy_call_with_file(client, "video/uploadSubtitle", "{}", NULL, "/tmp/x.vtt", &s));
    NULLARG(vodkit_bjy_call_with_file(client, "video/uploadSubtitle", "{}", "subtitle", NULL, &s));
    NULLARG(vodkit_bjy_call_with_file(client, "video/uploadSubtitle", "{}", "subtitle", "/tmp/x.vtt", NULL));
    NULLARG(vodkit_bjy_get_status(NULL, 1, &i64));
    NULLARG(vodkit_bjy_get_status(client, 1, NULL));
    NULLARG(vodkit_bjy_get_info(NULL, 1, &s));
    NULLARG(vodkit_bjy_get_info(client, 1, NULL));
    NULLARG(vodkit_bjy_get_play_urls(NULL, 1, NULL, -1, &s));
    NULLARG(vodkit_bjy_get_play_urls(client, 1, NULL, -1, NULL));
    NULLARG(vodkit_bjy_get_player_token(NULL, 1, 0, &s));
    NULLARG(vodkit_bjy_get_player_token(client, 1, 0, NULL));
    NULLARG(vodkit_bjy_delete(NULL, 1));
    NULLARG(vodkit_bjy_sign(NULL, v, 1, "k", &s));
    NULLARG(vodkit_bjy_sign(k, NULL, 1, "k", &s));
    NULLARG(vodkit_bjy_sign(nulls, v, 1, "k", &s));
    NULLARG(vodkit_bjy_sign(k, nulls, 1, "k", &s));
    NULLARG(vodkit_bjy_sign(k, v, 1, NULL, &s));
    NULLARG(vodkit_bjy_sign(k, v, 1, "k", NULL));

    /* Upload options and uploads. */
    NULLARG(vodkit_bjy_upload_options_new(NULL));
    OK(vodkit_bjy_upload_options_new(&options));
    NULLARG(vodkit_bjy_upload_options_set_file_name(NULL, "a"));
    NULLARG(vodkit_bjy_upload_options_set_file_name(options, NULL));
    NULLARG(vodkit_bjy_upload_options_set_definitions(NULL, "1"));
    NULLARG(vodkit_bjy_upload_options_set_definitions(options, NULL));
    NULLARG(vodkit_bjy_upload_options_set_formats(NULL, "1"));
    NULLARG(vodkit_bjy_upload_options_set_formats(options, NULL));
    NULLARG(vodkit_bjy_upload_options_set_audio(NULL, true));
    NULLARG(vodkit_bjy_upload_options_set_encrypt(NULL, VODKIT_ENCRYPT_ON));
    NULLARG(vodkit_bjy_upload_options_set_watermark(NULL, "w", 1));
    OK(vodkit_bjy_upload_options_set_watermark(options, NULL, 0));
    NULLARG(vodkit_bjy_upload_options_set_callback_url(NULL, "http://x"));
    OK(vodkit_bjy_upload_options_set_callback_url(options, NULL));
    NULLARG(vodkit_bjy_upload_options_set_use_https(NULL, true));
    NULLARG(vodkit_bjy_upload_options_set_part_size(NULL, 1));
    NULLARG(vodkit_bjy_upload(NULL, "/tmp/x", NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_bjy_upload(client, NULL, NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_bjy_upload(client, "/tmp/x", NULL, NULL, NULL, NULL, NULL));
    NULLARG(vodkit_bjy_resume_upload(NULL, 1, "/tmp/x", NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_bjy_resume_upload(client, 1, NULL, NULL, NULL, NULL, NULL, &s));
    NULLARG(vodkit_bjy_resume_upload(client, 1, "/tmp/x", NULL, NULL, NULL, NULL, NULL));

    /* Verifier. */
    NULLARG(vodkit_bjy_verifier_new(NULL, 0, true, &verifier));
    NULLARG(vodkit_bjy_verifier_new("k", 0, true, NULL));
    OK(vodkit_bjy_verifier_new("k", 0, true, &verifier));
    NULLARG(vodkit_bjy_verify_transcode_body(NULL, (const uint8_t *)"a=1", 3, &s));
    NULLARG(vodkit_bjy_verify_transcode_body(verifier, NULL, 3, &s));
    NULLARG(vodkit_bjy_verify_transcode_body(verifier, (const uint8_t *)"a=1", 3, NULL));
    NULLARG(vodkit_bjy_verify_transcode_fields(NULL, k, v, 1, &s));
    NULLARG(vodkit_bjy_verify_transcode_fields(verifier, NULL, v, 1, &s));
    NULLARG(vodkit_bjy_verify_transcode_fields(verifier, k, NULL, 1, &s));
    NULLARG(vodkit_bjy_verify_transcode_fields(verifier, k, v, 1, NULL));
    NULLARG(vodkit_bjy_verify_playback_auth_fields(NULL, k, v, 1, &s));
    NULLARG(vodkit_bjy_verify_playback_auth_fields(verifier, NULL, v, 1, &s));
    NULLARG(vodkit_bjy_verify_playback_auth_fields(verifier, k, NULL, 1, &s));
    NULLARG(vodkit_bjy_verify_playback_auth_fields(verifier, k, v, 1, NULL));
    NULLARG(vodkit_bjy_verify_playback_auth_body(NULL, (const uint8_t *)"a=1", 3, &s));
    NULLARG(vodkit_bjy_verify_playback_auth_body(verifier, NULL, 3, &s));
    NULLARG(vodkit_bjy_verify_playback_auth_body(verifier, (const uint8_t *)"a=1", 3, NULL));

    /* Cancel tokens. */
    NULLARG(vodkit_cancel_token_new(NULL));
    NULLARG(vodkit_cancel_token_cancel(NULL));
    CHECK(!vodkit_cancel_token_is_cancelled(NULL));
    OK(vodkit_cancel_token_new(&token));

    CHECK(s == NULL && i64 == 0); /* no out-param was written by a failed call */
    vodkit_cancel_token_free(token);
    vodkit_bjy_verifier_free(verifier);
    vodkit_bjy_upload_options_free(options);
    vodkit_bjy_client_free(client);
    vodkit_bjy_config_free(config);
    /* Every handle, error and string handed out came back. */
    CHECK(vodkit_live_objects() == 0);
    printf("misuse ok\n");
    return 0;
}
