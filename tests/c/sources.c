/* The one upload call over every kind of source — a path, an open file
 * descriptor, a byte buffer, a read-at callback called from worker threads
 * and one called only on this thread — and the lifetimes a caller can get
 * wrong: a descriptor closed and a buffer freed right after the source was
 * made, a source used twice, a reader source never called once its upload
 * returned, an on-caller reader used by two threads at once (a typed error),
 * a worker-thread reader used by two threads at once (fine). A reader that
 * fails gives a typed IO error carrying a resume handle, and every kind of
 * source resumes such a failure. Every video id is printed as
 * `video_id=N`; tests/c_abi.rs checks each stored file's MD5 against FILE's.
 * With a second argument, the URL of an origin serving FILE's bytes with
 * Range requests, it uploads from that URL too (and a URL of a scheme that
 * is not http is a typed error).
 * Run under AddressSanitizer and valgrind as well. */
#include "harness.h"

#include <fcntl.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <unistd.h>

#define SIZE (3 * 1024 * 1024 + 17)
#define FAIL_AT (1536 * 1024)

static pthread_t main_thread;

/* A read-at callback over a descriptor: pread keeps no cursor, so calls
 * from several threads at once are safe. Fails (-5) from `fail_at` on.
 * With `hold`, calls on threads other than main wait until `*hold` is cleared. */
struct file_reader {
    int fd;
    uint64_t fail_at;
    atomic_uint calls;
    atomic_uint off_main; /* calls made on a thread other than main */
    atomic_int entered;
    atomic_int *hold;
};

static int64_t read_at(void *user_data, uint64_t offset, uint8_t *buf, size_t len) {
    struct file_reader *r = user_data;
    atomic_fetch_add(&r->calls, 1);
    if (!pthread_equal(pthread_self(), main_thread)) atomic_fetch_add(&r->off_main, 1);
    atomic_store(&r->entered, 1);
    /* Only another thread is held: were this thread's own upload of the same
     * source let through, it would finish, and the check below fail. */
    while (r->hold != NULL && atomic_load(r->hold) && !pthread_equal(pthread_self(), main_thread)) sleep_ms(5);
    if (offset >= r->fail_at) return -5;
    ssize_t n = pread(r->fd, buf, len, (off_t)offset);
    return n < 0 ? -1 : (int64_t)n;
}

static void reader_reset(struct file_reader *r, int fd, uint64_t fail_at) {
    r->fd = fd;
    r->fail_at = fail_at;
    atomic_store(&r->calls, 0);
    atomic_store(&r->off_main, 0);
    atomic_store(&r->entered, 0);
    r->hold = NULL;
}

static vodkit_source *reader_source(struct file_reader *r, const char *name, uint32_t flags) {
    vodkit_source *source = NULL;
    OK(vodkit_source_from_reader(read_at, r, SIZE, name, flags, &source));
    return source;
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

/* One upload of `source` on a thread of its own. */
struct upload_job {
    const vodkit_client *client;
    const vodkit_source *source;
    const char *options;
    vodkit_error *err;
    char *result;
};

static void *upload_thread(void *arg) {
    struct upload_job *job = arg;
    job->err = vodkit_client_upload_source(job->client, job->source, job->options, NULL, NULL, NULL, &job->result);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2) FAIL("usage: sources FILE [URL]");
    main_thread = pthread_self();
    make_file(argv[1], SIZE);
    /* Ranged 1 MiB parts, so a failure part-way leaves a prefix to resume from. */
    vodkit_client *client = emulator_client(0, 1024 * 1024);
    const char *ranged = "{\"ranged\":true}";
    char *result = NULL;
    vodkit_source *source = NULL;
    struct file_reader r;

    /* A path, used twice: two videos of the same bytes. */
    OK(vodkit_source_from_path(argv[1], &source));
    upload_ok(vodkit_client_upload_source(client, source, NULL, NULL, NULL, NULL, &result), &result);
    upload_ok(vodkit_client_upload_source(client, source, ranged, NULL, NULL, NULL, &result), &result);
    vodkit_source_free(source);
    /* An http origin's file, read with Range requests: ranged parts and a
     * whole streamed one, under the name given and under the URL's own. */
    if (argc > 2) {
        OK(vodkit_source_from_url(argv[2], "from-url.mp4", &source));
        upload_ok(vodkit_client_upload_source(client, source, ranged, NULL, NULL, NULL, &result), &result);
        vodkit_source_free(source);
        OK(vodkit_source_from_url(argv[2], NULL, &source));
        upload_ok(vodkit_client_upload_source(client, source, NULL, NULL, NULL, NULL, &result), &result);
        vodkit_source_free(source);
        EXPECT_ERR(vodkit_source_from_url("file:///etc/passwd", NULL, &source), VODKIT_ERROR_INVALID_INPUT);
    }
    /* A missing file, a directory: invalid input when the source is made. */
    EXPECT_ERR(vodkit_source_from_path("/nonexistent/x.mp4", &source), VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_source_from_path("/tmp", &source), VODKIT_ERROR_INVALID_INPUT);

    /* A descriptor: duplicated, so ours stays open at its own position —
     * and may be closed before the upload. */
    int fd = open(argv[1], O_RDONLY);
    CHECK(fd >= 0);
    CHECK(lseek(fd, 123, SEEK_SET) == 123);
    int own = open(argv[1], O_RDONLY);
    CHECK(own >= 0);
    OK(vodkit_source_from_fd(own, "from-fd.mp4", &source));
    CHECK(fcntl(own, F_GETFD) != -1);
    close(own);
    upload_ok(vodkit_client_upload_source(client, source, NULL, NULL, NULL, NULL, &result), &result);
    vodkit_source_free(source);
    OK(vodkit_source_from_fd(fd, "from-fd.mp4", &source));
    upload_ok(vodkit_client_upload_source(client, source, NULL, NULL, NULL, NULL, &result), &result);
    vodkit_source_free(source);
    CHECK(fcntl(fd, F_GETFD) != -1);
    CHECK(lseek(fd, 0, SEEK_CUR) == 123);
    /* A closed descriptor, a directory: invalid input, nothing made. */
    EXPECT_ERR(vodkit_source_from_fd(999999, "x.mp4", &source), VODKIT_ERROR_INVALID_INPUT);
    int dir = open(".", O_RDONLY);
    EXPECT_ERR(vodkit_source_from_fd(dir, "x.mp4", &source), VODKIT_ERROR_INVALID_INPUT);
    close(dir);

    /* A buffer: copied, so it may be overwritten and freed before the
     * upload (ASan and valgrind would see a read of it). */
    uint8_t *data = malloc(SIZE);
    CHECK(data != NULL);
    CHECK(pread(fd, data, SIZE, 0) == SIZE);
    OK(vodkit_source_from_buffer(data, SIZE, "from-buffer.mp4", &source));
    memset(data, 0xAB, SIZE);
    free(data);
    upload_ok(vodkit_client_upload_source(client, source, NULL, NULL, NULL, NULL, &result), &result);
    vodkit_source *buffer = source; /* kept for a resume below */
    /* An empty buffer or name: invalid input. */
    const uint8_t byte = 1;
    EXPECT_ERR(vodkit_source_from_buffer(&byte, 0, "x.mp4", &source), VODKIT_ERROR_INVALID_INPUT);
    EXPECT_ERR(vodkit_source_from_buffer(&byte, 1, "", &source), VODKIT_ERROR_INVALID_INPUT);

    /* A read-at callback, from worker threads; never called once the
     * upload returned, nor by the free. */
    reader_reset(&r, fd, UINT64_MAX);
    source = reader_source(&r, "from-reader.mp4", VODKIT_SOURCE_READ_FROM_WORKERS);
    upload_ok(vodkit_client_upload_source(client, source, ranged, NULL, NULL, NULL, &result), &result);
    unsigned calls = atomic_load(&r.calls);
    CHECK(calls > 0);
    CHECK(atomic_load(&r.off_main) == calls);
    sleep_ms(200);
    vodkit_source_free(source);
    CHECK(atomic_load(&r.calls) == calls);

    /* A read-at callback on this thread only. */
    reader_reset(&r, fd, UINT64_MAX);
    source = reader_source(&r, "on-caller.mp4", VODKIT_SOURCE_READ_ON_CALLER);
    upload_ok(vodkit_client_upload_source(client, source, ranged, NULL, NULL, NULL, &result), &result);
    CHECK(atomic_load(&r.calls) > 0);
    CHECK(atomic_load(&r.off_main) == 0);

    /* The same on-caller source from two threads at once: the second upload
     * is refused (its reads would come on two threads), the first goes on. */
    atomic_int hold = 1;
    reader_reset(&r, fd, UINT64_MAX);
    r.hold = &hold;
    struct upload_job job = {client, source, ranged, NULL, NULL};
    pthread_t other;
    CHECK(pthread_create(&other, NULL, upload_thread, &job) == 0);
    while (!atomic_load(&r.entered)) sleep_ms(5);
    EXPECT_ERR(vodkit_client_upload_source(client, source, ranged, NULL, NULL, NULL, &result),
               VODKIT_ERROR_INVALID_INPUT);
    atomic_store(&hold, 0);
    CHECK(pthread_join(other, NULL) == 0);
    upload_ok(job.err, &job.result);
    /* Free again once the first upload returned. */
    upload_ok(vodkit_client_upload_source(client, source, ranged, NULL, NULL, NULL, &result), &result);
    vodkit_source_free(source);

    /* A worker-thread reader from two threads at once: both upload. */
    reader_reset(&r, fd, UINT64_MAX);
    source = reader_source(&r, "twice.mp4", VODKIT_SOURCE_READ_FROM_WORKERS);
    struct upload_job jobs[2] = {{client, source, ranged, NULL, NULL}, {client, source, ranged, NULL, NULL}};
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) CHECK(pthread_create(&threads[i], NULL, upload_thread, &jobs[i]) == 0);
    for (int i = 0; i < 2; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        upload_ok(jobs[i].err, &jobs[i].result);
    }
    vodkit_source_free(source);

    /* A reader that fails part-way: IO, then each kind of source resumes it. */
    struct file_reader failing;
    reader_reset(&failing, fd, FAIL_AT);
    vodkit_source *fails = reader_source(&failing, "fails.mp4", VODKIT_SOURCE_READ_FROM_WORKERS);
    vodkit_source *fails_on_caller = reader_source(&failing, "fails.mp4", VODKIT_SOURCE_READ_ON_CALLER);

    reader_reset(&r, fd, UINT64_MAX);
    source = reader_source(&r, "fails.mp4", VODKIT_SOURCE_READ_FROM_WORKERS);
    char *resume = failed_read(vodkit_client_upload_source(client, fails, ranged, NULL, NULL, NULL, &result));
    long long id = upload_ok(vodkit_client_resume_upload_source(client, resume, source, NULL, NULL, NULL, NULL, &result),
                             &result);
    CHECK(id == json_int_member(resume, "video_id"));
    vodkit_string_free(resume);
    vodkit_source_free(source);

    resume = failed_read(vodkit_client_upload_source(client, fails_on_caller, ranged, NULL, NULL, NULL, &result));
    OK(vodkit_source_from_fd(fd, "fails.mp4", &source));
    id = upload_ok(vodkit_client_resume_upload_source(client, resume, source, NULL, NULL, NULL, NULL, &result), &result);
    CHECK(id == json_int_member(resume, "video_id"));
    vodkit_string_free(resume);
    vodkit_source_free(source);

    resume = failed_read(vodkit_client_upload_source(client, fails, ranged, NULL, NULL, NULL, &result));
    id = upload_ok(vodkit_client_resume_upload_source(client, resume, buffer, NULL, NULL, NULL, NULL, &result), &result);
    CHECK(id == json_int_member(resume, "video_id"));
    vodkit_string_free(resume);

    resume = failed_read(vodkit_client_upload_source(client, fails, ranged, NULL, NULL, NULL, &result));
    reader_reset(&r, fd, UINT64_MAX);
    source = reader_source(&r, "fails.mp4", VODKIT_SOURCE_READ_ON_CALLER);
    id = upload_ok(vodkit_client_resume_upload_source(client, resume, source, NULL, NULL, NULL, NULL, &result), &result);
    CHECK(id == json_int_member(resume, "video_id"));
    CHECK(atomic_load(&r.off_main) == 0);
    vodkit_string_free(resume);
    vodkit_source_free(source);

    resume = failed_read(vodkit_client_upload_source(client, fails, ranged, NULL, NULL, NULL, &result));
    id = upload_ok(vodkit_client_resume_upload(client, resume, argv[1], NULL, NULL, NULL, NULL, &result), &result);
    CHECK(id == json_int_member(resume, "video_id"));
    vodkit_string_free(resume);

    CHECK(result == NULL);
    vodkit_source_free(fails);
    vodkit_source_free(fails_on_caller);
    vodkit_source_free(buffer);
    close(fd);
    vodkit_client_free(client);
    CHECK(vodkit_live_objects() == 0);
    printf("sources ok\n");
    return 0;
}
