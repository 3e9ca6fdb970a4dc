/* Run with VODKIT_TEST_PANIC=progress: the library's progress path panics;
 * the upload must come back as a PANIC error, and the library stays usable. */
#include "harness.h"

static int32_t on_progress(void *user_data, const vodkit_progress *p) {
    (void)user_data;
    (void)p;
    return VODKIT_CONTINUE;
}

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: panic FILE");
    make_file(argv[1], 64 * 1024);
    vodkit_client *client = emulator_client(0, 0);
    char *result = NULL;
    vodkit_error *err = expect_error(vodkit_client_upload(client, argv[1], NULL, on_progress, NULL, NULL, &result),
                                     VODKIT_ERROR_PANIC, "upload with a panicking progress path");
    CHECK(strstr(vodkit_error_message(err), "panicked") != NULL);
    vodkit_error_free(err);
    CHECK(result == NULL);
    /* Still usable: no callback, no panic. */
    OK(vodkit_client_upload(client, argv[1], NULL, NULL, NULL, NULL, &result));
    CHECK(json_int_member(result, "video_id") > 0);
    vodkit_string_free(result);
    vodkit_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("panic ok\n");
    return 0;
}
