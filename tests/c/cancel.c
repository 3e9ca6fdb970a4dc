/* Cancelling an upload from the progress callback (then resuming it) and
 * from a second thread. */
#include "harness.h"

/* Ranged parts (a fresh upload is otherwise one request): these checks
 * stop at a part boundary. */
#define RANGED "{\"ranged\":true}"

static int32_t abort_at_first_bytes(void *user_data, const vodkit_progress *p) {
    int *calls = user_data;
    (*calls)++;
    return p->bytes_done > 0 ? VODKIT_ABORT : VODKIT_CONTINUE;
}

static pthread_t main_thread;

static int32_t count_on_main_thread(void *user_data, const vodkit_progress *p) {
    (void)p;
    if (!pthread_equal(pthread_self(), main_thread)) FAIL("callback on a foreign thread");
    (*(int *)user_data)++;
    return VODKIT_CONTINUE;
}

static void *cancel_later(void *token) {
    sleep_ms(150);
    vodkit_error *err = vodkit_upload_control_cancel(token);
    if (err != NULL) FAIL("cancel failed");
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: cancel FILE");
    main_thread = pthread_self();
    make_file(argv[1], 4 * 1024 * 1024);
    vodkit_client *client = emulator_client(0, 128 * 1024);
    char *result = NULL;

    int calls = 0;
    vodkit_error *err = expect_error(
        vodkit_client_upload(client, argv[1], RANGED, abort_at_first_bytes, &calls, NULL, &result),
        VODKIT_ERROR_CANCELLED, "abort from the progress callback");
    CHECK(calls >= 1);
    CHECK(result == NULL); /* out-params are written only on success */
    /* The video exists: the cancelled upload can be resumed to the end. */
    char *resume = vodkit_error_resume(err);
    vodkit_error_free(err);
    CHECK(resume != NULL);
    OK(vodkit_client_resume_upload(client, resume, argv[1], NULL, NULL, NULL, NULL, &result));
    CHECK(json_int_member(result, "video_id") == json_int_member(resume, "video_id"));
    CHECK(json_int_member(result, "bytes") == 4 * 1024 * 1024);
    vodkit_string_free(result);
    vodkit_string_free(resume);
    result = NULL;

    vodkit_upload_control *token = NULL;
    OK(vodkit_upload_control_new(&token));
    CHECK(!vodkit_upload_control_is_cancelled(token));
    pthread_t t;
    CHECK(pthread_create(&t, NULL, cancel_later, token) == 0);
    calls = 0;
    EXPECT_ERR(vodkit_client_upload(client, argv[1], RANGED, count_on_main_thread, &calls, token, &result),
               VODKIT_ERROR_CANCELLED);
    CHECK(pthread_join(t, NULL) == 0);
    CHECK(vodkit_upload_control_is_cancelled(token));
    CHECK(result == NULL);

    /* A token cancelled before the call stops it before any request. */
    EXPECT_ERR(vodkit_client_upload(client, argv[1], NULL, NULL, NULL, token, &result), VODKIT_ERROR_CANCELLED);
    vodkit_upload_control_free(token);
    vodkit_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("cancel ok\n");
    return 0;
}
