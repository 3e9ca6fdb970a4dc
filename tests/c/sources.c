/* Uploads from sources other than a path: an open file descriptor, a byte
 * buffer, a read-at callback called from worker threads and one called only
 * on this thread; a callback that fails (a typed IO error carrying a resume
 * handle) and every resume variant continuing such a failure. Every video
 * id is printed as `video_id=N`; tests/c_abi.rs checks each stored file's
 * MD5 against FILE's. */
#include "harness.h"

#include <fcntl.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <unistd.h>

#define SIZE (3 * 1024 * 1024 + 17)

static pthread_t main_thread;

/* A read-at callback over a descriptor: pread keeps no cursor, so calls
 * from several threads at once are safe. Fails (-5) from `fail_at` on. */
struct file_reader {
    int fd;
    uint64_t fail_at;
    atomic_uint calls;
    atomic_uint off_main; /* calls made on a thread other than main */
    int must_be_main;
    int wrong_thread;
};

static int64_t read_at(void *user_data, uint64_t offset, uint8_t *buf, size_t len) {
    struct file_reader *r = user_data;
    atomic_fetch_add(&r->calls, 1);
    if (!pthread_equal(pthread_self(), main_thread)) atomic_fetch_add(&r->off_main, 1);
    if (r->must_be_main && !pthread_equal(pthread_self(), main_thread)) r->wrong_thread = 1;
    if (offset >= r->fail_at) return -5;
    ssize_t n = pread(r->fd, buf, len, (off_t)offset);
    return n < 0 ? -1 : (int64_t)n;
}

static struct file_reader reader_of(int fd, uint64_t fail_at, int must_be_main) {
    struct file_reader r = {fd, fail_at, 0, 0, must_be_main, 0};
    return r;
}

/* Checks an upload succeeded; prints and returns its video id. */
static long long upload_ok(vodkit_error *err, char **result) {
    if (err != NULL) FAIL("upload failed: code %u: %s", vodkit_error_code(err), vodkit_error_message(err));
    long long id = json_int_member(*result, "video_id");
    CHECK(json_int_member(*result, "bytes") == SIZE);
    printf("video_id=%lld\n", id);
    vodkit_string_free(*result);
    *result = NULL;
    return id;
}

/* Expects an IO error naming the callback's -5; returns its resume handle. */
static char *failed_read(vodkit_error *err) {
    expect_error(err, VODKIT_ERROR_IO, "an upload whose reader fails");
    if (strstr(vodkit_error_message(err), "-5") == NULL) FAIL("message: %s", vodkit_error_message(err));
    char *resume = vodkit_error_resume(err);
    vodkit_error_free(err);
    if (resume == NULL) FAIL("a failed read left no resume handle");
    return resume;
}

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: sources FILE");
    main_thread = pthread_self();
    make_file(argv[1], SIZE);
    /* Ranged 1 MiB parts, so a failure part-way leaves a prefix to resume from. */
    vodkit_client *client = emulator_client(0, 1024 * 1024);
    const char *ranged = "{\"ranged\":true}";
    char *result = NULL;

    /* A descriptor: duplicated, so ours stays open at its own position. */
    int fd = open(argv[1], O_RDONLY);
    CHECK(fd >= 0);
    CHECK(lseek(fd, 123, SEEK_SET) == 123);
    upload_ok(vodkit_client_upload_fd(client, fd, "from-fd.mp4", NULL, NULL, NULL, NULL, &result), &result);
    CHECK(fcntl(fd, F_GETFD) != -1);
    CHECK(lseek(fd, 0, SEEK_CUR) == 123);

    /* A closed descriptor, a directory: invalid input, nothing sent. */
    EXPECT_ERR(vodkit_client_upload_fd(client, 999999, "x.mp4", NULL, NULL, NULL, NULL, &result),
               VODKIT_ERROR_INVALID_INPUT);
    int dir = open(".", O_RDONLY);
    EXPECT_ERR(vodkit_client_upload_fd(client, dir, "x.mp4", NULL, NULL, NULL, NULL, &result),
               VODKIT_ERROR_INVALID_INPUT);
    close(dir);

    /* A buffer (borrowed for the call). */
    uint8_t *data = malloc(SIZE);
    CHECK(data != NULL);
    CHECK(pread(fd, data, SIZE, 0) == SIZE);
    upload_ok(vodkit_client_upload_buffer(client, data, SIZE, "from-buffer.mp4", NULL, NULL, NULL, NULL, &result), &result);
    /* An empty buffer or name: invalid input. */
    EXPECT_ERR(vodkit_client_upload_buffer(client, data, SIZE, "", NULL, NULL, NULL, NULL, &result),
               VODKIT_ERROR_INVALID_INPUT);

    /* A read-at callback, from worker threads. */
    struct file_reader r = reader_of(fd, UINT64_MAX, 0);
    upload_ok(vodkit_client_upload_reader(client, read_at, &r, SIZE, "from-reader.mp4", ranged, NULL, NULL, NULL,
                                          &result), &result);
    CHECK(atomic_load(&r.calls) > 0);
    CHECK(atomic_load(&r.off_main) == atomic_load(&r.calls));

    /* A read-at callback on this thread only. */
    r = reader_of(fd, UINT64_MAX, 1);
    upload_ok(vodkit_client_upload_reader_on_caller(client, read_at, &r, SIZE, "on-caller.mp4", ranged, NULL, NULL,
                                                    NULL, &result), &result);
    CHECK(atomic_load(&r.calls) > 0);
    CHECK(!r.wrong_thread);

    /* A reader that fails part-way: IO, then each resume variant finishes it. */
    r = reader_of(fd, 1536 * 1024, 0);
    char *resume = failed_read(vodkit_client_upload_reader(client, read_at, &r, SIZE, "fails.mp4", ranged, NULL,
                                                           NULL, NULL, &result));
    r = reader_of(fd, UINT64_MAX, 0);
    long long id = upload_ok(vodkit_client_resume_upload_reader(client, resume, read_at, &r, SIZE, "fails.mp4", NULL,
                                                                NULL, NULL, NULL, &result), &result);
    CHECK(id == json_int_member(resume, "video_id"));
    vodkit_string_free(resume);

    r = reader_of(fd, 1536 * 1024, 1);
    resume = failed_read(vodkit_client_upload_reader_on_caller(client, read_at, &r, SIZE, "fails.mp4", ranged,
                                                               NULL, NULL, NULL, &result));
    CHECK(!r.wrong_thread);
    id = upload_ok(vodkit_client_resume_upload_fd(client, resume, fd, "fails.mp4", NULL, NULL, NULL, NULL, &result), &result);
    CHECK(id == json_int_member(resume, "video_id"));
    vodkit_string_free(resume);

    r = reader_of(fd, 1536 * 1024, 0);
    resume = failed_read(vodkit_client_upload_reader(client, read_at, &r, SIZE, "fails.mp4", ranged, NULL, NULL,
                                                     NULL, &result));
    id = upload_ok(vodkit_client_resume_upload_buffer(client, resume, data, SIZE, "fails.mp4", NULL, NULL, NULL,
                                                      NULL, &result), &result);
    CHECK(id == json_int_member(resume, "video_id"));
    vodkit_string_free(resume);

    r = reader_of(fd, 1536 * 1024, 0);
    resume = failed_read(vodkit_client_upload_reader(client, read_at, &r, SIZE, "fails.mp4", ranged, NULL, NULL,
                                                     NULL, &result));
    r = reader_of(fd, UINT64_MAX, 1);
    id = upload_ok(vodkit_client_resume_upload_reader_on_caller(client, resume, read_at, &r, SIZE, "fails.mp4",
                                                                NULL, NULL, NULL, NULL, &result), &result);
    CHECK(id == json_int_member(resume, "video_id"));
    CHECK(!r.wrong_thread);
    vodkit_string_free(resume);

    CHECK(result == NULL);
    free(data);
    close(fd);
    vodkit_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("sources ok\n");
    return 0;
}
