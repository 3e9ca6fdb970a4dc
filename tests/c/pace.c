/* Pause, resume and the bandwidth cap of an upload, from a second thread
 * through the upload control. Prints `video_id=N`; tests/c_abi.rs checks the
 * stored file's MD5 against FILE's. */
#include "harness.h"

#include <stdatomic.h>

#define SIZE (8 * 1024 * 1024)
#define CAP (2 * 1024 * 1024)

static atomic_ullong bytes_sent;
static atomic_ullong elapsed_ms;
static atomic_uint calls;

static int32_t on_progress(void *user_data, const vodkit_progress *p) {
    (void)user_data;
    atomic_store(&bytes_sent, p->bytes_sent);
    atomic_store(&elapsed_ms, p->elapsed_ms);
    atomic_fetch_add(&calls, 1);
    return VODKIT_CONTINUE;
}

struct steer {
    vodkit_upload_control *token;
    unsigned long long sent_at_pause, sent_after_pause, elapsed_at_pause;
    unsigned calls_while_paused;
};

static void *steer(void *arg) {
    struct steer *s = arg;
    /* About a second at the cap. */
    while (atomic_load(&bytes_sent) < 2 * 1024 * 1024) sleep_ms(10);
    s->elapsed_at_pause = atomic_load(&elapsed_ms);
    if (vodkit_upload_control_pause(s->token) != NULL) FAIL("pause failed");
    CHECK(vodkit_upload_control_is_paused(s->token));
    sleep_ms(300); /* a read already past the gate finishes */
    s->sent_at_pause = atomic_load(&bytes_sent);
    unsigned calls_before = atomic_load(&calls);
    sleep_ms(1500);
    s->sent_after_pause = atomic_load(&bytes_sent);
    s->calls_while_paused = atomic_load(&calls) - calls_before;
    /* Lift the cap and go on. */
    if (vodkit_upload_control_set_rate_limit(s->token, 0) != NULL) FAIL("set_rate_limit failed");
    if (vodkit_upload_control_resume(s->token) != NULL) FAIL("resume failed");
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: pace FILE");
    make_file(argv[1], SIZE);
    vodkit_client *client = emulator_client(0, 0);
    struct steer s = {0};
    OK(vodkit_upload_control_new(&s.token));
    OK(vodkit_upload_control_set_rate_limit(s.token, CAP));
    CHECK(vodkit_upload_control_rate_limit(s.token) == CAP);

    pthread_t t;
    CHECK(pthread_create(&t, NULL, steer, &s) == 0);
    char *result = NULL;
    OK(vodkit_client_upload(client, argv[1], NULL, on_progress, NULL, s.token, &result));
    CHECK(pthread_join(t, NULL) == 0);

    printf("sent %llu bytes in %llu ms before the pause; %llu then %llu during it\n", s.sent_at_pause,
           s.elapsed_at_pause, s.sent_at_pause, s.sent_after_pause);
    /* Nothing moved during the pause, and progress kept coming. */
    CHECK(s.sent_after_pause == s.sent_at_pause);
    CHECK(s.calls_while_paused >= 5);
    /* The cap held before the pause (wide margin: 1.5x, plus one slice). */
    CHECK(s.elapsed_at_pause >= 500);
    CHECK((double)s.sent_at_pause <= 1.5 * CAP * (double)s.elapsed_at_pause / 1000.0 + CAP / 20.0);
    CHECK(json_int_member(result, "bytes") == SIZE);
    printf("video_id=%lld\n", json_int_member(result, "video_id"));
    vodkit_string_free(result);
    vodkit_upload_control_free(s.token);
    vodkit_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("pace ok\n");
    return 0;
}
