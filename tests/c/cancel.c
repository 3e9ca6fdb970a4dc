/* Cancelling an upload from the progress callback and from a second thread. */
#include "harness.h"

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
    vodkit_error *err = vodkit_cancel_token_cancel(token);
    if (err != NULL) FAIL("cancel failed");
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: cancel FILE");
    main_thread = pthread_self();
    make_file(argv[1], 4 * 1024 * 1024);
    vodkit_bjy_client *client = emulator_client(0, 128 * 1024);
    char *video_id = NULL;

    int calls = 0;
    EXPECT_ERR(vodkit_bjy_upload(client, argv[1], NULL, abort_at_first_bytes, &calls, NULL, &video_id),
               VODKIT_ERROR_CANCELLED);
    CHECK(calls >= 1);
    CHECK(video_id == NULL); /* out-params are written only on success */

    vodkit_cancel_token *token = NULL;
    OK(vodkit_cancel_token_new(&token));
    CHECK(!vodkit_cancel_token_is_cancelled(token));
    pthread_t t;
    CHECK(pthread_create(&t, NULL, cancel_later, token) == 0);
    calls = 0;
    EXPECT_ERR(vodkit_bjy_upload(client, argv[1], NULL, count_on_main_thread, &calls, token, &video_id),
               VODKIT_ERROR_CANCELLED);
    CHECK(pthread_join(t, NULL) == 0);
    CHECK(vodkit_cancel_token_is_cancelled(token));
    CHECK(video_id == NULL);

    /* A token cancelled before the call stops it before any request. */
    EXPECT_ERR(vodkit_bjy_upload(client, argv[1], NULL, NULL, NULL, token, &video_id), VODKIT_ERROR_CANCELLED);
    vodkit_cancel_token_free(token);
    vodkit_bjy_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("cancel ok\n");
    return 0;
}
