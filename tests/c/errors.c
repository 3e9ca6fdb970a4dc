/* Error codes, provider codes and messages. */
#include "harness.h"

int main(void) {
    vodkit_bjy_config *config = NULL;
    vodkit_bjy_client *client = NULL;
    OK(vodkit_bjy_config_new(env_or_die("VODKIT_PARTNER_ID"), "wrong-key-SECRET", &config));
    OK(vodkit_bjy_config_set_base_url(config, env_or_die("VODKIT_EMU_URL")));
    OK(vodkit_bjy_client_new(config, &client));
    vodkit_bjy_config_free(config);
    int64_t status = 0;
    vodkit_error *err = expect_error(vodkit_bjy_get_status(client, 1, &status), VODKIT_ERROR_AUTH, "wrong key");
    CHECK(strcmp(vodkit_error_provider_code(err), "1002") == 0);
    CHECK(strstr(vodkit_error_message(err), "sign error") != NULL);
    CHECK(strstr(vodkit_error_message(err), "SECRET") == NULL);
    CHECK(vodkit_error_http_status(err) == 200);
    CHECK(vodkit_error_request_id(err) == NULL || strlen(vodkit_error_request_id(err)) > 0);
    vodkit_error_free(err);
    vodkit_bjy_client_free(client);

    /* A config without base URL or private domain. */
    vodkit_bjy_config *bare = NULL;
    OK(vodkit_bjy_config_new("1", "k", &bare));
    client = NULL;
    EXPECT_ERR(vodkit_bjy_client_new(bare, &client), VODKIT_ERROR_INVALID_INPUT);
    CHECK(client == NULL);
    EXPECT_ERR(vodkit_bjy_config_set_part_size(bare, 0), VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_bjy_config_set_retries(bare, 1, 100, 10), VODKIT_ERROR_INVALID_INPUT);
    vodkit_bjy_config_free(bare);

    /* Invalid input fails before any request: a missing file, a directory. */
    client = emulator_client(0, 0);
    char *video_id = NULL;
    EXPECT_ERR(vodkit_bjy_upload(client, "/nonexistent/file.mp4", NULL, NULL, NULL, NULL, &video_id),
               VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_bjy_upload(client, "/tmp", NULL, NULL, NULL, NULL, &video_id), VODKIT_ERROR_INVALID_INPUT);
    /* A JSON config works too. */
    vodkit_bjy_config *from_json = NULL;
    EXPECT_ERR(vodkit_bjy_config_from_json("{\"partner_id\": 5", &from_json), VODKIT_ERROR_INVALID_INPUT);
    OK(vodkit_bjy_config_from_json("{\"partner_id\":\"1\",\"partner_key\":\"k\",\"base_url\":\"http://127.0.0.1:1\"}", &from_json));
    vodkit_bjy_config_free(from_json);
    vodkit_bjy_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("errors ok\n");
    return 0;
}
