/* iQiyi through the provider-neutral ABI: authorize, an upload with
 * progress, status, play URLs, the credentials getter, delete; bad input
 * refused; cancel from the progress callback and from a second thread. */
#include "harness.h"
#include "json.h"

typedef struct {
    uint64_t last;
    int calls;
} seen_t;

static pthread_t main_thread;

static int32_t on_progress(void *user_data, const vodkit_progress *p) {
    seen_t *seen = user_data;
    if (!pthread_equal(pthread_self(), main_thread)) FAIL("callback on a foreign thread");
    if (p->bytes_done < seen->last) FAIL("progress went back");
    seen->last = p->bytes_done;
    seen->calls++;
    return VODKIT_CONTINUE;
}

static int32_t abort_at_first_bytes(void *user_data, const vodkit_progress *p) {
    (void)user_data;
    return p->bytes_done > 0 ? VODKIT_ABORT : VODKIT_CONTINUE;
}

static void *cancel_later(void *token) {
    sleep_ms(150);
    vodkit_error *err = vodkit_upload_control_cancel(token);
    if (err != NULL) FAIL("cancel failed");
    return NULL;
}

static char *call(const vodkit_client *client, const char *op, const char *params) {
    char *json = NULL;
    vodkit_error *err = vodkit_client_call(client, op, params, &json);
    if (err != NULL) FAIL("%s %s: code %u: %s", op, params, vodkit_error_code(err), vodkit_error_message(err));
    return json;
}

/* The string member `key` of a JSON object text (a copy to free). */
static char *string_member(const char *text, const char *key) {
    json *j = json_parse(text);
    CHECK(j != NULL);
    const char *v = json_get_string(j, key);
    CHECK(v != NULL);
    char *out = strdup(v);
    json_free(j);
    return out;
}

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: iqiyi FILE");
    main_thread = pthread_self();
    const size_t size = 2 * 1024 * 1024 + 5;
    make_file(argv[1], size);
    char config[2048];
    snprintf(config, sizeof config,
             "{\"client_id\":\"%s\",\"client_secret\":\"%s\",\"base_url\":\"%s\",\"part_size\":262144,"
             "\"retry\":{\"max_retries\":2,\"initial_backoff_ms\":10,\"max_backoff_ms\":100}}",
             env_or_die("VODKIT_IQIYI_CLIENT_ID"), env_or_die("VODKIT_IQIYI_CLIENT_SECRET"),
             env_or_die("VODKIT_IQIYI_URL"));
    vodkit_client *client = NULL;
    /* Empty credentials: refused before any request. */
    EXPECT_ERR(vodkit_client_new("iqiyi", "{\"client_id\":\"\",\"client_secret\":\"\"}", &client),
               VODKIT_ERROR_INVALID_INPUT);
    OK(vodkit_client_new("iqiyi", config, &client));

    /* No token yet; authorize gives one, and the getter shows it. */
    char *creds = NULL;
    OK(vodkit_client_credentials(client, &creds));
    CHECK(strstr(creds, "\"access_token\":\"\"") != NULL);
    vodkit_string_free(creds);
    char *grant = call(client, "iqiyi/authorize", NULL);
    char *token = string_member(grant, "access_token");
    CHECK(strlen(token) == 32);
    CHECK(json_int_member(grant, "expires_in") == 3600);
    OK(vodkit_client_credentials(client, &creds));
    CHECK(strstr(creds, token) != NULL);
    vodkit_string_free(creds);
    vodkit_string_free(grant);
    free(token);

    /* Upload with progress. */
    char *result = NULL;
    EXPECT_ERR(vodkit_client_upload(client, "/nonexistent.mp4", NULL, NULL, NULL, NULL, &result),
               VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_client_upload(client, argv[1], "{\"concurrency\":0}", NULL, NULL, NULL, &result),
               VODKIT_ERROR_INVALID_INPUT);
    seen_t seen = {0, 0};
    OK(vodkit_client_upload(client, argv[1], "{\"file_name\":\"c-iqiyi.mp4\",\"description\":\"from C\"}",
                            on_progress, &seen, NULL, &result));
    CHECK(seen.calls >= 1 && seen.last == size);
    CHECK(json_int_member(result, "bytes") == (long long)size);
    char *file_id = string_member(result, "file_id");
    printf("file_id=%s\n", file_id);
    vodkit_string_free(result);
    result = NULL;

    /* Status: publishing, then done on the emulated clock. */
    char params[256];
    snprintf(params, sizeof params, "{\"file_id\":\"%s\"}", file_id);
    int done = 0;
    for (int i = 0; i < 400 && !done; i++) {
        char *st = call(client, "file/fullStatus", params);
        CHECK(strstr(st, "\"state\":\"publishing\"") != NULL || strstr(st, "\"state\":\"done\"") != NULL);
        done = strstr(st, "\"state\":\"done\"") != NULL;
        vodkit_string_free(st);
        if (!done) sleep_ms(50);
    }
    CHECK(done);
    char *urls = call(client, "file/urllist", params);
    CHECK(strstr(urls, "\"definition\":96") != NULL && strstr(urls, ".mp4") != NULL);
    vodkit_string_free(urls);
    EXPECT_ERR(vodkit_client_call(client, "file/videoListForExternal", "{\"page_size\":101}", &result),
               VODKIT_ERROR_INVALID_INPUT);
    char *list = call(client, "file/videoListForExternal", "{\"page_size\":10}");
    CHECK(strstr(list, file_id) != NULL);
    vodkit_string_free(list);

    snprintf(params, sizeof params, "{\"delete_type\":1,\"file_ids\":\"%s\"}", file_id);
    vodkit_string_free(call(client, "file/delete", params));
    snprintf(params, sizeof params, "{\"file_id\":\"%s\"}", file_id);
    char *st = call(client, "file/fullStatus", params);
    CHECK(strstr(st, "\"state\":\"missing\"") != NULL);
    vodkit_string_free(st);
    free(file_id);

    /* Cancel from the progress callback, then from a second thread. */
    EXPECT_ERR(vodkit_client_upload(client, argv[1], NULL, abort_at_first_bytes, NULL, NULL, &result),
               VODKIT_ERROR_CANCELLED);
    vodkit_upload_control *cancel = NULL;
    OK(vodkit_upload_control_new(&cancel));
    pthread_t t;
    CHECK(pthread_create(&t, NULL, cancel_later, cancel) == 0);
    EXPECT_ERR(vodkit_client_upload(client, argv[1], "{\"concurrency\":1,\"part_size\":65536}", NULL, NULL, cancel,
                                    &result),
               VODKIT_ERROR_CANCELLED);
    CHECK(pthread_join(t, NULL) == 0);
    CHECK(result == NULL);
    vodkit_upload_control_free(cancel);
    vodkit_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("iqiyi ok\n");
    return 0;
}
