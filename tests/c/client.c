/* vodkit_client_new from a provider name and a JSON config, and
 * vodkit_client_call of catalog operations and raw names. */
#include "harness.h"

/* Expects INVALID_INPUT whose message contains `needle`. */
static void expect_invalid(vodkit_error *err, const char *needle, const char *what) {
    expect_error(err, VODKIT_ERROR_INVALID_INPUT, what);
    if (strstr(vodkit_error_message(err), needle) == NULL)
        FAIL("%s: the message does not name %s: %s", what, needle, vodkit_error_message(err));
    vodkit_error_free(err);
}

int main(void) {
    vodkit_client *client = NULL;
    char *config = emulator_config(0, 0);

    /* An unknown provider: named, with the known ones listed. */
    vodkit_error *err = vodkit_client_new("nosuchvod", config, &client);
    CHECK(err != NULL && strstr(vodkit_error_message(err), "baijiayun") != NULL);
    expect_invalid(err, "nosuchvod", "unknown provider");
    expect_invalid(vodkit_client_new("", config, &client), "provider", "empty provider");
    CHECK(client == NULL);

    /* An unknown config key, named. */
    expect_invalid(vodkit_client_new("baijiayun",
                                     "{\"partner_id\":\"1\",\"partner_key\":\"k\",\"base_url\":\"http://127.0.0.1:1\","
                                     "\"partner_kee\":\"x\"}",
                                     &client),
                   "partner_kee", "unknown config key");
    /* A config key of the wrong type (the message names the config, not yet the key). */
    expect_invalid(vodkit_client_new("baijiayun",
                                     "{\"partner_id\":\"1\",\"partner_key\":\"k\",\"base_url\":\"http://127.0.0.1:1\","
                                     "\"request_timeout_ms\":\"soon\"}",
                                     &client),
                   "config", "ill-typed config key");
    /* Config JSON that does not parse, or is not an object. */
    expect_invalid(vodkit_client_new("baijiayun", "{\"partner_id\": 5", &client), "JSON", "bad config JSON");
    EXPECT_ERR(vodkit_client_new("baijiayun", "[1,2]", &client), VODKIT_ERROR_INVALID_INPUT);
    CHECK(client == NULL);

    OK(vodkit_client_new("baijiayun", config, &client));
    free(config);

    /* A catalog operation against the emulator. */
    char *json = NULL;
    OK(vodkit_client_call(client, "video_account/setTranscodeCallbackUrl", "{\"url\":\"http://127.0.0.1:9/c\"}", &json));
    CHECK(strcmp(json, "{\"url\":\"http://127.0.0.1:9/c\"}") == 0);
    vodkit_string_free(json);
    OK(vodkit_client_call(client, "video/getCategoryList", NULL, &json));
    CHECK(json[0] == '{' || json[0] == '[');
    vodkit_string_free(json);
    json = NULL;
    /* Its parameters go through the typed model: unknown ones and wrong types are named. */
    expect_invalid(vodkit_client_call(client, "video/getStatus", "{\"video_idd\":1}", &json), "video_idd",
                   "unknown parameter");
    expect_invalid(vodkit_client_call(client, "video/getStatus", "{\"video_id\":\"seven\"}", &json), "video/getStatus",
                   "ill-typed parameter");
    expect_invalid(vodkit_client_call(client, "video/getStatus", "[1]", &json), "object", "parameters not an object");
    expect_invalid(vodkit_client_call(client, "video/getStatus", "{\"video_id\":", &json), "JSON", "bad params JSON");
    /* A provider error keeps the provider's code. */
    err = expect_error(vodkit_client_call(client, "video/getStatus", "{\"video_id\":999999}", &json),
                       VODKIT_ERROR_INVALID_INPUT, "unknown video");
    CHECK(vodkit_error_provider_code(err) != NULL);
    vodkit_error_free(err);

    /* A raw name that is no operation or API path: refused before any
     * request, with the catalog's operations listed. */
    err = vodkit_client_call(client, "no such operation!", "{}", &json);
    CHECK(err != NULL && strstr(vodkit_error_message(err), "video/getStatus") != NULL);
    expect_invalid(err, "no such operation!", "unknown raw operation");
    /* An API path the catalog does not type goes out as a raw signed call;
     * the emulator does not know it. */
    err = vodkit_client_call(client, "video/noSuchThing", "{\"a\":1}", &json);
    CHECK(err != NULL);
    CHECK(vodkit_error_code(err) != VODKIT_ERROR_NULL_ARGUMENT && vodkit_error_code(err) != VODKIT_ERROR_PANIC &&
          vodkit_error_code(err) != VODKIT_ERROR_INTERNAL);
    printf("raw unknown path: code %u: %s\n", vodkit_error_code(err), vodkit_error_message(err));
    vodkit_error_free(err);
    CHECK(json == NULL);

    /* A config with a partner key: nothing fetched, the getter has nothing. */
    char *creds = NULL;
    OK(vodkit_client_credentials(client, &creds));
    CHECK(strcmp(creds, "null") == 0);
    vodkit_string_free(creds);
    vodkit_client_free(client);

    /* Only the secret key (the emulator's): the first call fetches the
     * partner key with partner/createkey, and the getter hands it out. */
    char secret_only[1024];
    snprintf(secret_only, sizeof secret_only,
             "{\"partner_id\":\"%s\",\"secret_key\":\"emulator-secret-key\",\"base_url\":\"%s\"}",
             env_or_die("VODKIT_PARTNER_ID"), emulator_url());
    OK(vodkit_client_new("baijiayun", secret_only, &client));
    OK(vodkit_client_credentials(client, &creds));
    CHECK(strcmp(creds, "null") == 0);
    vodkit_string_free(creds);
    OK(vodkit_client_call(client, "video/getCategoryList", NULL, &json));
    vodkit_string_free(json);
    OK(vodkit_client_credentials(client, &creds));
    char expected[512];
    snprintf(expected, sizeof expected, "{\"partner_key\":\"%s\"}", env_or_die("VODKIT_PARTNER_KEY"));
    if (strcmp(creds, expected) != 0) FAIL("credentials after the fetch: not the emulator's partner key");
    vodkit_string_free(creds);

    vodkit_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("client ok\n");
    return 0;
}
