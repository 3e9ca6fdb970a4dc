// vodkit.hpp: a header-only C++17 RAII wrapper over the C ABI (vodkit.h).
//
// One vodkit::Client for every provider, made from a provider name and a
// JSON config: `call` and `call_with_file` for any operation of the
// provider's catalog (`operations()` lists them), `upload` and
// `resume_upload` of a vodkit::Source (a path, a descriptor, a buffer or a
// read-at function) or of a path, `upload_many` of many files at once. Parameters, options and results are JSON text. Typed
// per-provider methods are generated from the catalog into
// vodkit_<provider>.hpp (`vodkit::Baijiayun` derives from vodkit::Client).
//
// Handles are owned by std::unique_ptr with the library's free functions;
// every error becomes a vodkit::Error exception carrying the error code, the
// message, the provider's code and request id, and a failed upload's resume
// handle; progress is a std::function, called on the thread that called
// upload(); an exception thrown by it stops the upload (it never crosses the
// C frames) and comes out of upload() as the upload's vodkit::Error
// (CANCELLED, with its resume() handle) with the callback's exception nested
// in it (std::rethrow_if_nested), or as itself before the video existed. A const Client may be shared
// across threads. vodkit::set_log_callback() sends the SDK's log lines to a std::function.
#ifndef VODKIT_HPP
#define VODKIT_HPP

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "vodkit.h"

namespace vodkit {

/// A failed call: `code()` is one of the VODKIT_ERROR_* constants.
class Error : public std::runtime_error {
public:
    explicit Error(const vodkit_error *e)
        : std::runtime_error(vodkit_error_message(e)),
          code_(vodkit_error_code(e)),
          provider_code_(or_empty(vodkit_error_provider_code(e))),
          request_id_(or_empty(vodkit_error_request_id(e))),
          detail_(or_empty(vodkit_error_detail(e))),
          http_status_(vodkit_error_http_status(e)) {
        char *resume = vodkit_error_resume(e);
        if (resume != nullptr) {
            resume_ = resume;
            vodkit_string_free(resume);
        }
    }

    /// One of the VODKIT_ERROR_* constants.
    uint32_t code() const noexcept { return code_; }
    /// The provider's own error code ("1002", …), or "" when it gave none.
    const std::string &provider_code() const noexcept { return provider_code_; }
    /// The provider's request id, or "".
    const std::string &request_id() const noexcept { return request_id_; }
    /// A machine-readable sub-reason, or "": "unsigned", "tampered",
    /// "stale" or "malformed" for verification errors.
    const std::string &detail() const noexcept { return detail_; }
    /// The HTTP status of the provider's answer, or 0.
    int32_t http_status() const noexcept { return http_status_; }
    /// A failed upload's resume handle (JSON for Client::resume_upload), if any.
    const std::optional<std::string> &resume() const noexcept { return resume_; }

private:
    static std::string or_empty(const char *s) { return s ? std::string(s) : std::string(); }
    uint32_t code_;
    std::string provider_code_;
    std::string request_id_;
    std::string detail_;
    int32_t http_status_;
    std::optional<std::string> resume_;
};

/// JSON text passed through as is (an object, or an array of objects, as a
/// typed method's parameter).
class Json {
public:
    explicit Json(std::string text) : text_(std::move(text)) {}
    const std::string &text() const noexcept { return text_; }

private:
    std::string text_;
};

/// One entry of a generated class's `operation_methods`: the operation's
/// catalog name, its `function` name, and the C++ method generated for it
/// (the function name, with `_` appended to a C++ keyword).
struct OperationMethod {
    const char *name;
    const char *function;
    const char *method;
};

namespace json {

/// `s` as a JSON string literal (quotes, backslashes and control characters
/// escaped; UTF-8 passed through).
inline std::string quote(const std::string &s) {
    std::string out;
    out.reserve(s.size() + 2);
    out.push_back('"');
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += buf;
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
    return out;
}

inline std::string value(int64_t v) { return std::to_string(v); }
inline std::string value(bool v) { return v ? "true" : "false"; }
inline std::string value(double v) {
    if (!std::isfinite(v)) throw std::invalid_argument("vodkit: JSON has no NaN or infinity");
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}
inline std::string value(const std::string &v) { return quote(v); }
inline std::string value(const char *v) { return quote(v); }
inline std::string value(const Json &v) { return v.text(); }
template <typename T>
std::string value(const std::vector<T> &items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); i++) {
        if (i > 0) out.push_back(',');
        out += value(static_cast<T>(items[i]));
    }
    out.push_back(']');
    return out;
}

/// Builds a JSON object member by member; optional members left empty are omitted.
class Object {
public:
    template <typename T>
    Object &add(const char *key, const T &v) {
        out_ += first_ ? "" : ",";
        first_ = false;
        out_ += quote(key);
        out_.push_back(':');
        out_ += value(v);
        return *this;
    }
    template <typename T>
    Object &add(const char *key, const std::optional<T> &v) {
        if (v) add(key, *v);
        return *this;
    }
    std::string str() const { return out_ + "}"; }

private:
    std::string out_ = "{";
    bool first_ = true;
};

}  // namespace json

namespace detail {

struct ErrorFree {
    void operator()(vodkit_error *e) const noexcept { vodkit_error_free(e); }
};

/// Throws when `e` is an error (and frees it either way).
inline void check(vodkit_error *e) {
    if (e != nullptr) {
        std::unique_ptr<vodkit_error, ErrorFree> owned(e);
        throw Error(owned.get());
    }
}

/// Takes ownership of a library string.
inline std::string take(char *s) {
    std::unique_ptr<char, void (*)(char *)> owned(s, vodkit_string_free);
    return s ? std::string(s) : std::string();
}

template <typename T, void (*Free)(T *)>
struct Deleter {
    void operator()(T *p) const noexcept { Free(p); }
};

template <typename T, void (*Free)(T *)>
using Handle = std::unique_ptr<T, Deleter<T, Free>>;

}  // namespace detail

/// Cancels, pauses and caps uploads from any thread (pass it as `control`).
class UploadControl {
public:
    UploadControl() {
        vodkit_upload_control *t = nullptr;
        detail::check(vodkit_upload_control_new(&t));
        token_.reset(t);
    }
    void cancel() const { detail::check(vodkit_upload_control_cancel(token_.get())); }
    bool is_cancelled() const noexcept { return vodkit_upload_control_is_cancelled(token_.get()); }
    /// Pauses the uploads using this token: no part starts, parts in flight
    /// stop sending (a pause over 30 s abandons them, to be sent again); the
    /// upload call keeps blocking and calling its progress function.
    void pause() const { detail::check(vodkit_upload_control_pause(token_.get())); }
    /// Lets paused uploads go on in the same call.
    void resume() const { detail::check(vodkit_upload_control_resume(token_.get())); }
    bool is_paused() const noexcept { return vodkit_upload_control_is_paused(token_.get()); }
    /// Caps the uploads using this token to `bytes_per_second` in total (0: no cap), at any time.
    void set_rate_limit(uint64_t bytes_per_second) const {
        detail::check(vodkit_upload_control_set_rate_limit(token_.get(), bytes_per_second));
    }
    uint64_t rate_limit() const noexcept { return vodkit_upload_control_rate_limit(token_.get()); }
    const vodkit_upload_control *get() const noexcept { return token_.get(); }

private:
    detail::Handle<vodkit_upload_control, vodkit_upload_control_free> token_;
};

/// Called with each progress snapshot; return false to abort.
using ProgressFn = std::function<bool(const vodkit_progress &)>;

/// Called with each batch progress snapshot (one file's progress and the
/// batch's totals, see Client::upload_many); return false to stop the batch.
using BatchProgressFn = std::function<bool(const vodkit_batch_progress &)>;

/// Reads up to `len` bytes at `offset` into `buf`; returns how many (0 only
/// at the end), or a negative value for an error. Called from the upload's
/// worker threads, several at once (it must then be thread-safe and keep no
/// cursor), or only on the thread that called the upload (Source::reader's
/// `on_caller`); only while an upload of its source runs. An exception it
/// throws fails the upload and is rethrown by it.
using ReadAtFn = std::function<int64_t(uint64_t offset, uint8_t *buf, size_t len)>;

/// The bytes of an upload (vodkit_source): a path, an open descriptor, a
/// buffer, a read-at function or an http(s) URL, for Client::upload and resume_upload. A
/// const Source may be uploaded any number of times, also from several
/// threads at once (except an on-caller reader: one upload at a time, a
/// second one at once throws VODKIT_ERROR_INVALID_INPUT). Movable, not
/// copyable.
class Source {
public:
    /// The file at `path`, opened now (a missing file, a directory or an
    /// empty file throws VODKIT_ERROR_INVALID_INPUT); a file changed before
    /// an upload of it ends fails that upload (VODKIT_ERROR_INTEGRITY).
    static Source path(const std::string &path) {
        Source s;
        vodkit_source *raw = nullptr;
        detail::check(vodkit_source_from_path(path.c_str(), &raw));
        s.source_.reset(raw);
        return s;
    }

    /// The file open as `fd`, duplicated now (yours stays open, its
    /// position untouched; close it whenever you like), recorded as `name`.
    static Source fd(int fd, const std::string &name) {
        Source s;
        vodkit_source *raw = nullptr;
        detail::check(vodkit_source_from_fd(fd, name.c_str(), &raw));
        s.source_.reset(raw);
        return s;
    }

    /// A copy of the `len` bytes at `data` (free or reuse yours at once),
    /// recorded as `name`.
    static Source buffer(const void *data, size_t len, const std::string &name) {
        Source s;
        vodkit_source *raw = nullptr;
        detail::check(vodkit_source_from_buffer(static_cast<const uint8_t *>(data), len, name.c_str(), &raw));
        s.source_.reset(raw);
        return s;
    }

    /// The file at an http(s) `url`, read with Range requests, recorded as
    /// `name` (empty: the URL's last path segment). The origin is asked
    /// for its length and ETag now (no Range support, another scheme:
    /// VODKIT_ERROR_INVALID_INPUT); a file changed at the origin before an
    /// upload of it ends fails that upload (VODKIT_ERROR_INTEGRITY), and a
    /// resume asks the origin only for the missing bytes. The URL's query
    /// and password never appear in an error.
    static Source url(const std::string &url, const std::string &name = "") {
        Source s;
        vodkit_source *raw = nullptr;
        detail::check(vodkit_source_from_url(url.c_str(), name.empty() ? nullptr : name.c_str(), &raw));
        s.source_.reset(raw);
        return s;
    }

    /// `size` bytes read through `reader` (see ReadAtFn), recorded as
    /// `name`; `on_caller` true calls it only on the uploading thread.
    static Source reader(ReadAtFn reader, uint64_t size, const std::string &name, bool on_caller = false) {
        Source s;
        s.reader_.reset(new Reader{std::move(reader), {}, nullptr});
        vodkit_source *raw = nullptr;
        detail::check(vodkit_source_from_reader(&Reader::call, s.reader_.get(), size, name.c_str(),
                                                on_caller ? VODKIT_SOURCE_READ_ON_CALLER
                                                          : VODKIT_SOURCE_READ_FROM_WORKERS,
                                                &raw));
        s.source_.reset(raw);
        return s;
    }

    const vodkit_source *get() const noexcept { return source_.get(); }

    /// The first exception the read-at function threw since the last call,
    /// taken (nullptr if none): Client rethrows it from the failed upload.
    std::exception_ptr take_thrown() const {
        if (!reader_) return nullptr;
        std::lock_guard<std::mutex> guard(reader_->lock);
        return std::exchange(reader_->thrown, nullptr);
    }

private:
    Source() = default;

    /// A ReadAtFn behind the C callback; the first exception it throws is kept.
    struct Reader {
        ReadAtFn fn;
        std::mutex lock;
        std::exception_ptr thrown;
        static int64_t call(void *user_data, uint64_t offset, uint8_t *buf, size_t len) noexcept {
            auto *self = static_cast<Reader *>(user_data);
            try {
                return self->fn(offset, buf, len);
            } catch (...) {
                std::lock_guard<std::mutex> guard(self->lock);
                if (!self->thrown) self->thrown = std::current_exception();
                return -1;
            }
        }
    };

    // The reader outlives the source (declared first, destroyed last); the
    // library never calls it outside an upload anyway.
    std::unique_ptr<Reader> reader_;
    detail::Handle<vodkit_source, vodkit_source_free> source_;
};

/// A client of one provider; a const Client may be shared across threads.
class Client {
public:
    /// A client of `provider` ("baijiayun", …) from its JSON config; an
    /// unknown provider or config key throws VODKIT_ERROR_INVALID_INPUT.
    Client(const std::string &provider, const std::string &config_json) : provider_(provider) {
        vodkit_client *c = nullptr;
        detail::check(vodkit_client_new(provider.c_str(), config_json.c_str(), &c));
        client_.reset(c);
    }

    /// The provider this client speaks to.
    const std::string &provider() const noexcept { return provider_; }

    /// The catalog as JSON: an array of {"provider", "name", "function",
    /// "method", "host", "path", "provisional", "file_field", "params", "doc", "answer"}.
    std::string operations() const {
        char *out = nullptr;
        detail::check(vodkit_client_operations(client_.get(), &out));
        return detail::take(out);
    }

    /// The credentials the client holds now, as JSON config keys to store
    /// (iQiyi: the token pair after an authorize or refresh), or `null`.
    /// Holds secrets: never log it.
    std::string credentials() const {
        char *out = nullptr;
        detail::check(vodkit_client_credentials(client_.get(), &out));
        return detail::take(out);
    }

    /// Calls `operation` with parameters as a JSON object; returns the answer as JSON.
    std::string call(const std::string &operation, const std::string &params_json = "{}") const {
        char *out = nullptr;
        detail::check(vodkit_client_call(client_.get(), operation.c_str(), params_json.c_str(), &out));
        return detail::take(out);
    }

    /// As call(), sending the file at `path` as the multipart part `file_field`
    /// ("" for the operation's own: the catalog's, or the config's `file_fields`).
    std::string call_with_file(const std::string &operation, const std::string &params_json,
                               const std::string &file_field, const std::string &path) const {
        char *out = nullptr;
        detail::check(vodkit_client_call_with_file(client_.get(), operation.c_str(), params_json.c_str(),
                                                   file_field.c_str(), path.c_str(), &out));
        return detail::take(out);
    }

    /// Uploads `source` as a new video with the provider's upload options (a
    /// JSON object; "" for the defaults); returns the result as JSON
    /// (`{"video_id": N, …}`). `control` cancels, pauses or caps it from
    /// another thread. A failed upload's Error has a resume() handle.
    std::string upload(const Source &source, const std::string &options_json = "", ProgressFn progress = {},
                       const UploadControl *control = nullptr) const {
        return run(nullptr, source, options_json, std::move(progress), control);
    }

    /// Uploads the file at `path`: upload(Source::path(path), …) in one call.
    std::string upload(const std::string &path, const std::string &options_json = "", ProgressFn progress = {},
                       const UploadControl *control = nullptr) const {
        return transfer(std::move(progress), control,
                        [&](vodkit_progress_fn cb, void *ud, const vodkit_upload_control *c, char **out) {
                            return vodkit_client_upload(client_.get(), path.c_str(), options_of(options_json), cb,
                                                        ud, c, out);
                        });
    }

    /// Continues an interrupted upload of `source` from its resume handle (Error::resume()).
    std::string resume_upload(const std::string &resume_json, const Source &source,
                              const std::string &options_json = "", ProgressFn progress = {},
                              const UploadControl *control = nullptr) const {
        return run(&resume_json, source, options_json, std::move(progress), control);
    }

    /// Continues an interrupted upload of the file at `path`.
    std::string resume_upload(const std::string &resume_json, const std::string &path,
                              const std::string &options_json = "", ProgressFn progress = {},
                              const UploadControl *control = nullptr) const {
        return transfer(std::move(progress), control,
                        [&](vodkit_progress_fn cb, void *ud, const vodkit_upload_control *c, char **out) {
                            return vodkit_client_resume_upload(client_.get(), resume_json.c_str(), path.c_str(),
                                                               options_of(options_json), cb, ud, c, out);
                        });
    }

    /// Uploads every source as a new video, `jobs` files at once (1 to 64),
    /// each as upload() does with `options_json`; blocks until every file is
    /// done. One `control` cancels, pauses or caps them all (the cap is on
    /// their total). With a `checkpoint_dir` option each finished file is
    /// recorded beside the checkpoints: the same call after a crash or a
    /// cancel skips the finished files and continues the others.
    ///
    /// Returns a JSON array, one object per source in order: `index`,
    /// `file`, `bytes`, `skipped` (finished by an earlier run), and `result`
    /// (as upload()'s) or `error` (`code`, `kind`, `message`, `resume`: the
    /// handle for resume_upload()). A file's failure is in its object; the
    /// call throws vodkit::Error only for bad arguments (a missing file,
    /// `jobs` out of range, a reader source), before anything is sent.
    /// `progress` is called on this thread; returning false stops the batch
    /// (the running files fail with their CANCELLED error, the others do not
    /// start), and an exception it throws stops it the same way and comes
    /// out of upload_many() as itself.
    std::string upload_many(const std::vector<Source> &sources, const std::string &options_json = "",
                            size_t jobs = 4, BatchProgressFn progress = {},
                            const UploadControl *control = nullptr) const {
        std::vector<const vodkit_source *> raw;
        raw.reserve(sources.size());
        for (const Source &s : sources) raw.push_back(s.get());
        BatchTrampoline t{std::move(progress), nullptr};
        char *out = nullptr;
        vodkit_error *e = vodkit_client_upload_many(client_.get(), raw.data(), raw.size(), options_of(options_json),
                                                    jobs, t.fn ? &BatchTrampoline::call : nullptr, &t,
                                                    control ? control->get() : nullptr, &out);
        if (t.thrown) {
            // The files' own errors (CANCELLED) say less than the callback's exception.
            vodkit_string_free(out);
            vodkit_error_free(e);
            std::rethrow_exception(t.thrown);
        }
        detail::check(e);
        return detail::take(out);
    }

    /// Uploads the files at `paths`: upload_many of Source::path of each
    /// (all opened first: a missing file throws before any request).
    std::string upload_many(const std::vector<std::string> &paths, const std::string &options_json = "",
                            size_t jobs = 4, BatchProgressFn progress = {},
                            const UploadControl *control = nullptr) const {
        std::vector<Source> sources;
        sources.reserve(paths.size());
        for (const std::string &p : paths) sources.push_back(Source::path(p));
        return upload_many(sources, options_json, jobs, std::move(progress), control);
    }

    const vodkit_client *get() const noexcept { return client_.get(); }

private:
    static const char *options_of(const std::string &options_json) noexcept {
        return options_json.empty() ? nullptr : options_json.c_str();
    }

    /// Runs one upload call with the progress trampoline.
    template <typename Call>
    std::string transfer(ProgressFn progress, const UploadControl *control, Call call) const {
        Trampoline t{std::move(progress), nullptr};
        vodkit_progress_fn cb = t.fn ? &Trampoline::call : nullptr;
        const vodkit_upload_control *token = control ? control->get() : nullptr;
        char *out = nullptr;
        vodkit_error *e = call(cb, &t, token, &out);
        return finish(t, e, out);
    }

    struct Trampoline {
        ProgressFn fn;
        std::exception_ptr thrown;
        static int32_t call(void *user_data, const vodkit_progress *p) noexcept {
            auto *self = static_cast<Trampoline *>(user_data);
            try {
                return self->fn(*p) ? VODKIT_CONTINUE : VODKIT_ABORT;
            } catch (...) {
                // Never let an exception unwind through the library's frames.
                self->thrown = std::current_exception();
                return VODKIT_ABORT;
            }
        }
    };

    struct BatchTrampoline {
        BatchProgressFn fn;
        std::exception_ptr thrown;
        static int32_t call(void *user_data, const vodkit_batch_progress *p) noexcept {
            auto *self = static_cast<BatchTrampoline *>(user_data);
            // Other files' reports still come while the batch stops.
            if (self->thrown) return VODKIT_ABORT;
            try {
                return self->fn(*p) ? VODKIT_CONTINUE : VODKIT_ABORT;
            } catch (...) {
                // Never let an exception unwind through the library's frames.
                self->thrown = std::current_exception();
                return VODKIT_ABORT;
            }
        }
    };

    /// Uploads (or resumes) a Source; a read-at function's exception says
    /// more than the library's "the read callback failed (-1)".
    std::string run(const std::string *resume_json, const Source &source, const std::string &options_json,
                    ProgressFn progress, const UploadControl *control) const {
        source.take_thrown();
        try {
            return transfer(std::move(progress), control,
                            [&](vodkit_progress_fn cb, void *ud, const vodkit_upload_control *c, char **out) {
                                const char *options = options_of(options_json);
                                return resume_json == nullptr
                                           ? vodkit_client_upload_source(client_.get(), source.get(), options, cb,
                                                                         ud, c, out)
                                           : vodkit_client_resume_upload_source(client_.get(), resume_json->c_str(),
                                                                                source.get(), options, cb, ud, c,
                                                                                out);
                            });
        } catch (const Error &) {
            if (std::exception_ptr thrown = source.take_thrown()) std::rethrow_exception(thrown);
            throw;
        }
    }

    /// The outcome of an upload call: its result, the progress function's
    /// exception, or the library's error.
    static std::string finish(Trampoline &t, vodkit_error *e, char *out) {
        if (t.thrown) {
            vodkit_string_free(out);
            if (e != nullptr) {
                Error upload_error(e);
                vodkit_error_free(e);
                // Once the video exists the caller needs its resume handle:
                // throw the upload's Error with the callback's exception
                // nested in it (std::rethrow_if_nested gets it back).
                if (upload_error.resume()) {
                    try {
                        std::rethrow_exception(t.thrown);
                    } catch (...) {
                        std::throw_with_nested(upload_error);
                    }
                }
            }
            std::rethrow_exception(t.thrown);
        }
        detail::check(e);
        return detail::take(out);
    }

    std::string provider_;
    detail::Handle<vodkit_client, vodkit_client_free> client_;
};

/// Verifies Baijiayun's signed callbacks (vodkit_baijiayun_verifier_*);
/// safe to share across threads. `max_age_secs` (default 300; 0 turns it off)
/// bounds a request's timestamp; deduplicate transcode callbacks on `qid`.
/// Playback auth requests are documented without a sign: they are accepted
/// unsigned by default (a sign that is sent is checked); `require_signed_auth`
/// true is the strict mode. Bodies over 64 KiB are refused as malformed.
class BaijiayunVerifier {
public:
    explicit BaijiayunVerifier(const std::string &partner_key, uint64_t max_age_secs = 300,
                               bool require_signed_auth = false) {
        vodkit_baijiayun_verifier *v = nullptr;
        detail::check(vodkit_baijiayun_verifier_new(partner_key.c_str(), max_age_secs, require_signed_auth, &v));
        verifier_.reset(v);
    }
    /// The verified transcode event as JSON; throws vodkit::Error
    /// (VODKIT_ERROR_VERIFICATION, detail() says why) otherwise.
    std::string verify_transcode(const std::string &form_body) const {
        char *out = nullptr;
        detail::check(vodkit_baijiayun_verify_transcode_body(
            verifier_.get(), reinterpret_cast<const uint8_t *>(form_body.data()), form_body.size(), &out));
        return detail::take(out);
    }
    /// The verified playback auth request (`access_key`, `video_id`) as JSON.
    std::string verify_playback_auth(const std::string &form_body) const {
        char *out = nullptr;
        detail::check(vodkit_baijiayun_verify_playback_auth_body(
            verifier_.get(), reinterpret_cast<const uint8_t *>(form_body.data()), form_body.size(), &out));
        return detail::take(out);
    }

private:
    detail::Handle<vodkit_baijiayun_verifier, vodkit_baijiayun_verifier_free> verifier_;
};

/// Signs parameters by Baijiayun's rule (vodkit_baijiayun_sign): the
/// 32-character lowercase hex signature.
inline std::string baijiayun_sign(const std::vector<std::pair<std::string, std::string>> &params,
                                  const std::string &partner_key) {
    std::vector<const char *> keys;
    std::vector<const char *> values;
    for (const auto &kv : params) {
        keys.push_back(kv.first.c_str());
        values.push_back(kv.second.c_str());
    }
    char *out = nullptr;
    detail::check(vodkit_baijiayun_sign(keys.data(), values.data(), params.size(), partner_key.c_str(), &out));
    return detail::take(out);
}

/// The valid upload checkpoints in `dir` (the `checkpoint_dir` upload option), as JSON:
/// `[{"key", "provider", "path", "size", "acknowledged", "resume", "created_at", "updated_at"}]`.
inline std::string checkpoints(const std::string &dir) {
    char *out = nullptr;
    detail::check(vodkit_checkpoints_list(dir.c_str(), &out));
    return detail::take(out);
}

/// Removes the checkpoint `key` from `dir` (one that is not there is no error).
inline void remove_checkpoint(const std::string &dir, const std::string &key) {
    detail::check(vodkit_checkpoint_remove(dir.c_str(), key.c_str()));
}

/// Receives the SDK's log lines: `level` (VODKIT_LOG_ERROR … VODKIT_LOG_TRACE),
/// `target` (the part of the SDK, `vodkit::http::transport`) and the line.
using LogSink = std::function<void(vodkit_log_level level, const std::string &target, const std::string &message)>;

namespace detail {
inline LogSink &log_sink() {
    static LogSink sink;
    return sink;
}
// An exception must not cross the C frames: the sink's is dropped here.
inline void log_trampoline(void *, vodkit_log_level level, const char *target, const char *message) noexcept {
    try {
        log_sink()(level, target, message);
    } catch (...) {
    }
}
}  // namespace detail

/// Sends the SDK's log lines (retries, a backup host, a renewed token; never a
/// secret) at `level` (a VODKIT_LOG_* constant) and more severe to `sink`, for
/// the whole process; an empty `sink` turns them off. `sink` runs on whichever
/// thread logs (the caller's or one of the SDK's upload threads), possibly on
/// several at once: make it thread-safe. An exception it throws is dropped.
inline void set_log_callback(vodkit_log_level level, LogSink sink) {
    // Off first: the library returns once no callback runs, so the sink is
    // never replaced under a running one.
    detail::check(vodkit_set_log_callback(VODKIT_LOG_OFF, nullptr, nullptr));
    detail::log_sink() = std::move(sink);
    if (detail::log_sink()) {
        detail::check(vodkit_set_log_callback(level, detail::log_trampoline, nullptr));
    }
}

/// The library version ("MAJOR.MINOR.PATCH").
inline std::string version() { return vodkit_version(); }

/// How many handles, errors and strings the library has handed out and not
/// had back (tests compare it before and after to catch leaks).
inline uint64_t live_objects() { return vodkit_live_objects(); }

}  // namespace vodkit

#endif  // VODKIT_HPP
