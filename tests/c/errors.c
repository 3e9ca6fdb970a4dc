/* Error codes, provider codes and messages. */
#include "harness.h"

int main(void) {
    /* A wrong key: AUTH with the provider's code, and the key in no message. */
    char *config = emulator_config_with_key("wrong-key-SECRET", 0, 0);
    vodkit_client *client = NULL;
    OK(vodkit_client_new("baijiayun", config, &client));
    free(config);
    char *json = NULL;
    vodkit_error *err = expect_error(vodkit_client_call(client, "video/getStatus", "{\"video_id\":1}", &json),
                                     VODKIT_ERROR_AUTH, "wrong key");
    CHECK(strcmp(vodkit_error_provider_code(err), "1002") == 0);
    CHECK(strstr(vodkit_error_message(err), "sign error") != NULL);
    CHECK(strstr(vodkit_error_message(err), "SECRET") == NULL);
    CHECK(vodkit_error_http_status(err) == 200);
    CHECK(vodkit_error_request_id(err) == NULL || strlen(vodkit_error_request_id(err)) > 0);
    CHECK(vodkit_error_resume(err) == NULL); /* not an upload */
    vodkit_error_free(err);
    CHECK(json == NULL);
    vodkit_client_free(client);

    /* A config without base URL or private domain; a zero part size. */
    client = NULL;
    EXPECT_ERR(vodkit_client_new("baijiayun", "{\"partner_id\":\"1\",\"partner_key\":\"k\"}", &client),
               VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_client_new("baijiayun",
                                 "{\"partner_id\":\"1\",\"partner_key\":\"k\",\"base_url\":\"http://127.0.0.1:1\","
                                 "\"part_size\":0}",
                                 &client),
               VODKIT_ERROR_INVALID_INPUT);
    CHECK(client == NULL);

    /* Invalid input fails before any request: a missing file, a directory. */
    client = emulator_client(0, 0);
    char *result = NULL;
    EXPECT_ERR(vodkit_client_upload(client, "/nonexistent/file.mp4", NULL, NULL, NULL, NULL, &result),
               VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_client_upload(client, "/tmp", NULL, NULL, NULL, NULL, &result), VODKIT_ERROR_INVALID_INPUT);
    CHECK(result == NULL);
    /* Not UTF-8. */
    EXPECT_ERR(vodkit_client_call(client, "video/getStatus", "{\"video_id\":\"\xff\"}", &json),
               VODKIT_ERROR_INVALID_UTF8);
    vodkit_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("errors ok\n");
    return 0;
}
