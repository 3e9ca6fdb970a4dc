import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vodkit.UploadControl;
import org.vodkit.UploadProgress;
import org.vodkit.Vodkit;
import org.vodkit.VodkitClient;
import org.vodkit.VodkitException;
import org.vodkit.providers.Baijiayun;
import org.vodkit.providers.Iqiyi;
import org.vodkit.providers.Quvideo;

/**
 * The Java API against the real library and the emulator (a real process on
 * loopback): no mocks. Plain main (Debian's JUnit would need a class path of
 * its own); prints one line per test and "N passed, N failed".
 */
public final class VodkitTest {
    static final long MiB = 1024 * 1024;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String root;
    static String partnerId;
    static String partnerKey;
    static Path tmp;
    /** The emulator's first line: every provider's base URL and credentials. */
    static String banner;

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--panic-probe")) {
            panicProbe();
            return;
        }
        if (args.length == 6 && args[0].equals("--upload-child")) {
            uploadChild(args);
            return;
        }
        String emulator = System.getenv("VODKIT_EMULATOR");
        tmp = Files.createTempDirectory("vodkit-jvm-test");
        Process emu = new ProcessBuilder(emulator, "--port", "0", "--transcode-secs", "1",
                "--data-dir", tmp.resolve("emulator").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(emu.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the emulator printed nothing");
            }
            banner = line;
            root = str(line, "root_url");
            partnerId = str(line.substring(line.indexOf("\"baijiayun\"")), "partner_id");
            partnerKey = str(line.substring(line.indexOf("\"baijiayun\"")), "partner_key");
            control("rate_limit", "{\"limit\": 0, \"window_ms\": 10000}");
            run();
        } finally {
            emu.destroy();
            emu.waitFor(5, TimeUnit.SECONDS);
            deleteTree(tmp);
        }
        System.out.println(passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    static void run() throws Exception {
        test("init is a no-op success off Android", () -> {
            Vodkit.init(null);
        });
        test("call by name returns the answer as JSON", () -> {
            try (VodkitClient client = client()) {
                long id = num(upload(client, file("call.mp4", 1000), "{}", null), "video_id");
                String status = client.call("video/getStatus", "{\"video_id\": " + id + "}");
                check(status.contains("\"status\""), "status answer: " + status);
                check(client.provider().equals("baijiayun"), "provider " + client.provider());
            }
        });
        test("bad input is a VodkitException with its code, before any request", () -> {
            try (VodkitClient client = client()) {
                VodkitException e = expect(() -> client.call("video/getStatus", "{\"video_id\": \"seven\"}"));
                check(e.getCode().equals("invalid_input") && e.getCodeNumber() == VodkitException.INVALID_INPUT,
                        e.getCode() + " " + e.getMessage());
                e = expect(() -> client.call("video/getStatus", "{not json"));
                check(e.getCode().equals("invalid_input"), e.getMessage());
                e = expect(() -> client.call(null, "{}"));
                check(e.getMessage().contains("operation must not be null"), e.getMessage());
            }
            VodkitException e = expect(() -> new VodkitClient("nosuch", "{}"));
            check(e.getCode().equals("invalid_input") && e.getMessage().contains("nosuch"), e.getMessage());
            e = expect(() -> new VodkitClient("baijiayun", "{\"partner_id\": \"1\", \"partner_key\": \"s3cr3t-value\", \"bogus\": 1}"));
            check(e.getCode().equals("invalid_input") && !e.getMessage().contains("s3cr3t-value"), e.getMessage());
        });
        test("an error of the provider carries its code", () -> {
            try (VodkitClient client = new VodkitClient("baijiayun", config("\"partner_key\": \"wrong\""))) {
                VodkitException e = expect(() -> client.call("video/getStatus", "{\"video_id\": 1}"));
                check(e.getCode().equals("auth") && e.getProviderCode() != null, e.getCode() + " " + e.getProviderCode());
            }
        });
        test("operations() lists the catalog; credentials() is null for fixed keys", () -> {
            try (VodkitClient client = client()) {
                String ops = client.operations();
                check(ops.startsWith("[") && ops.contains("\"video/getStatus\""), "operations: " + ops.length());
                check(client.credentials() == null, "credentials " + client.credentials());
            }
        });
        test("a closed client throws a clear exception; close twice is fine", () -> {
            VodkitClient client = client();
            client.close();
            client.close();
            VodkitException e = expect(() -> client.call("video/getStatus", "{\"video_id\": 1}"));
            check(e.getCode().equals("invalid_input") && e.getMessage().contains("closed"), e.getMessage());
            UploadControl control = new UploadControl();
            control.close();
            e = expect(control::cancel);
            check(e.getMessage().contains("closed"), e.getMessage());
        });
        test("upload with progress on the calling thread", () -> {
            Path path = file("progress.mp4", 4 * MiB + 123);
            List<Long> done = new ArrayList<>();
            Thread caller = Thread.currentThread();
            AtomicReference<String> resume = new AtomicReference<>();
            try (VodkitClient client = client()) {
                String result = client.upload(path.toString(), "{\"part_size\": 262144, \"ranged\": true}", p -> {
                    check(Thread.currentThread() == caller, "progress on " + Thread.currentThread());
                    check(p.getBytesTotal() == 4 * MiB + 123, "total " + p.getBytesTotal());
                    done.add(p.getBytesDone());
                    if (p.getResumeJson() != null) {
                        resume.set(p.getResumeJson());
                    }
                });
                long id = num(result, "video_id");
                check(num(result, "bytes") == 4 * MiB + 123, result);
                check(!done.isEmpty() && done.get(done.size() - 1) == 4 * MiB + 123, "last " + done);
                for (int i = 1; i < done.size(); i++) {
                    check(done.get(i) >= done.get(i - 1), "progress went back: " + done);
                }
                check(resume.get() != null && resume.get().contains("\"video_id\":" + id), "resume " + resume.get());
                check(emulatorVideo(id).contains("\"md5\":\"" + md5(path) + "\""), "md5 at the emulator");
            }
        });
        test("cancel from another thread, then resume from the exception's handle", () -> {
            Path path = file("cancel.mp4", 4 * MiB);
            faults("{\"latency_ms\": 100}");
            try (VodkitClient client = client(); UploadControl control = new UploadControl()) {
                CountDownLatch started = new CountDownLatch(1);
                Thread canceller = new Thread(() -> {
                    try {
                        started.await();
                        control.cancel();
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                });
                canceller.start();
                VodkitException e = expect(() -> client.upload(path.toString(), "{\"part_size\": 262144, \"ranged\": true}",
                        p -> {
                            if (p.getBytesDone() > 0) {
                                started.countDown();
                            }
                        }, control));
                canceller.join();
                check(e.getCode().equals("cancelled") && control.isCancelled(), e.getCode());
                String handle = e.getResumeJson();
                check(handle != null && handle.contains("\"provider\":\"baijiayun\""), "handle " + handle);
                long id = num(handle, "video_id");
                long held = num(emulatorVideo(id), "received_bytes");
                check(held < 4 * MiB, "held " + held);
                faults("{}");
                String resumed = client.resumeUpload(handle, path.toString(), "{\"part_size\": 262144}", null);
                check(num(resumed, "video_id") == id && num(resumed, "resumed_from") == held, resumed);
                check(emulatorVideo(id).contains("\"md5\":\"" + md5(path) + "\""), "md5 after resume");
            } finally {
                faults("{}");
            }
        });
        test("a listener that throws cancels the upload and keeps the handle", () -> {
            Path path = file("throws.mp4", 4 * MiB);
            faults("{\"latency_ms\": 50}");
            IllegalStateException boom = new IllegalStateException("stop here");
            int[] calls = {0};
            try (VodkitClient client = client()) {
                VodkitException e = expect(() -> client.upload(path.toString(), "{\"part_size\": 262144, \"ranged\": true}", p -> {
                    if (++calls[0] == 3) {
                        throw boom;
                    }
                }));
                check(e.getCode().equals("cancelled") && e.getCause() == boom, e.getCode() + " cause " + e.getCause());
                check(calls[0] == 3, "listener called after it threw: " + calls[0]);
                check(e.getResumeJson() != null, "no resume handle");
                faults("{}");
                String resumed = client.resumeUpload(e.getResumeJson(), path.toString(), null, null);
                check(emulatorVideo(num(resumed, "video_id")).contains("\"md5\":\"" + md5(path) + "\""), "md5");
            } finally {
                faults("{}");
            }
        });
        test("pause and rate cap from the control", () -> {
            try (UploadControl control = new UploadControl()) {
                control.setRateLimit(1_000_000);
                check(control.getRateLimit() == 1_000_000, "rate " + control.getRateLimit());
                control.pause();
                check(control.isPaused(), "not paused");
                control.resume();
                check(!control.isPaused(), "still paused");
                expect(() -> control.setRateLimit(-1));
            }
        });
        test("a paused upload waits, then completes when resumed from another thread", () -> {
            Path path = file("paused.mp4", 2 * MiB);
            try (VodkitClient client = client(); UploadControl control = new UploadControl()) {
                control.pause();
                CountDownLatch ticks = new CountDownLatch(3);
                long[] doneWhilePaused = {-1};
                Thread resumer = new Thread(() -> {
                    try {
                        ticks.await();
                        control.resume();
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                });
                resumer.start();
                String result = client.upload(path.toString(), "{\"part_size\": 262144}", p -> {
                    if (control.isPaused()) {
                        doneWhilePaused[0] = Math.max(doneWhilePaused[0], p.getBytesSent());
                        ticks.countDown();
                    }
                }, control);
                resumer.join();
                check(doneWhilePaused[0] == 0, "bytes sent while paused: " + doneWhilePaused[0]);
                check(num(result, "bytes") == 2 * MiB, result);
            }
        });
        test("an app killed mid-upload continues with a plain upload of the same file", () -> {
            Path path = file("killed.mp4", 4 * MiB);
            Path dir = Files.createDirectories(tmp.resolve("checkpoints"));
            faults("{\"latency_ms\": 100}");
            Process child = new ProcessBuilder(javaBin(), "-Dvodkit.library=" + System.getProperty("vodkit.library"),
                    "-cp", System.getProperty("java.class.path"), "VodkitTest", "--upload-child",
                    root, partnerId, partnerKey, path.toString(), dir.toString())
                    .redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                // Killed once the server acknowledged a part and the checkpoint
                // on disk says so (bytes merely sent may all be lost with the
                // process): read the state the assertion reads, not the
                // progress that precedes it. Each progress line is a moment
                // to look again.
                for (String line = out.readLine(); !acknowledged(dir); line = out.readLine()) {
                    check(line != null, "the child ended before a part was acknowledged");
                }
                child.destroyForcibly().waitFor();
            } finally {
                child.destroyForcibly();
                faults("{}");
            }
            try (var files = Files.list(dir)) {
                check(files.anyMatch(f -> f.toString().endsWith(".json")), "no checkpoint in " + dir);
            }
            try (VodkitClient client = client()) {
                String result = client.upload(path.toString(), "{\"part_size\": 262144, \"ranged\": true, \"checkpoint_dir\": \""
                        + dir + "\"}", null);
                check(num(result, "resumed_from") > 0, "started over: " + result);
                check(emulatorVideo(num(result, "video_id")).contains("\"md5\":\"" + md5(path) + "\""), "md5");
            }
        });
        test("a Rust panic comes back as VodkitException(internal), the JVM lives", () -> {
            ProcessBuilder pb = new ProcessBuilder(javaBin(),
                    "-Dvodkit.library=" + System.getProperty("vodkit.library"),
                    "-cp", System.getProperty("java.class.path"), "VodkitTest", "--panic-probe");
            pb.environment().put("VODKIT_TEST_PANIC", "jni");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            check(p.waitFor() == 0 && out.contains("internal: ") && out.contains("a bug in vodkit (Rust panic): VODKIT_TEST_PANIC=jni") && out.contains("alive"), out);
        });
        test("10,000 calls stay flat in memory", () -> {
            try (VodkitClient client = client()) {
                String params = "{\"video_id\": " + num(upload(client, file("rss.mp4", 1000), "{}", null), "video_id") + "}";
                for (int i = 0; i < 1000; i++) {
                    client.call("video/getStatus", params);
                }
                System.gc();
                long before = rssKb();
                long started = System.nanoTime();
                for (int i = 0; i < 10_000; i++) {
                    client.call("video/getStatus", params);
                }
                System.gc();
                long after = rssKb();
                System.out.printf("    10,000 calls in %.1f s; RSS %d -> %d KiB (%+d KiB)%n",
                        (System.nanoTime() - started) / 1e9, before, after, after - before);
                check(after - before < 16 * 1024, "RSS grew by " + (after - before) + " KiB");
            }
        });
        generated();
    }

    /** The generated per-provider classes (org.vodkit.providers), against the emulator. */
    static void generated() {
        test("generated Baijiayun: typed calls, a file operation, optional overloads", () -> {
            try (VodkitClient client = client()) {
                Baijiayun bjy = new Baijiayun(client);
                check(bjy.client() == client, "client()");
                long id = num(upload(client, file("typed.mp4", 1000), "{}", null), "video_id");
                String status = bjy.getStatus(id);
                check(status.contains("\"status\""), "status answer: " + status);
                String list = bjy.getVideoList(1L, 50L);
                check(list.contains(String.valueOf(id)), "getVideoList: " + list);
                Path srt = tmp.resolve("typed.srt");
                Files.writeString(srt, "1\n00:00:00,000 --> 00:00:01,000\nhello\n");
                String subtitle = bjy.uploadSubtitle(srt.toString(), id, "en");
                check(subtitle.startsWith("{") || subtitle.equals("null"), "uploadSubtitle: " + subtitle);
                check(bjy.getSubtitleList(id).contains("en"), "subtitle list: " + bjy.getSubtitleList(id));
                // A required value left null is refused before anything is sent, as by call().
                VodkitException e = expect(() -> bjy.getMarkers(null));
                check(e.getCode().equals("invalid_input"), e.getMessage());
                // What JSON cannot hold is a Java argument error.
                try {
                    bjy.setMarkers("u", List.of(Map.of("time", Double.NaN)));
                    check(false, "NaN was sent");
                } catch (IllegalArgumentException expected) {
                    check(expected.getMessage().contains("NaN"), expected.getMessage());
                }
                try {
                    new Iqiyi(client);
                    check(false, "an Iqiyi over a baijiayun client");
                } catch (IllegalArgumentException expected) {
                    check(expected.getMessage().contains("iqiyi"), expected.getMessage());
                }
            }
        });
        test("generated Iqiyi: authorize and a paged list", () -> {
            String iq = banner.substring(banner.indexOf("\"iqiyi\""));
            String config = "{\"client_id\": \"" + str(iq, "client_id") + "\", \"client_secret\": \""
                    + str(iq, "client_secret") + "\", \"base_url\": \"" + str(iq, "base_url") + "\"}";
            try (VodkitClient client = new VodkitClient(Iqiyi.PROVIDER, config)) {
                Iqiyi iqiyi = new Iqiyi(client);
                String grant = iqiyi.authorize();
                check(str(grant, "access_token").length() == 32, "grant: " + grant.length());
                String page = iqiyi.videoList(null, 10L, 1L);
                check(page.startsWith("{") || page.startsWith("["), "videoList: " + page);
            }
        });
        test("generated Quvideo: login, filtered list, a list and a non-ASCII string sent", () -> {
            String qv = banner.substring(banner.indexOf("\"quvideo\""));
            String config = "{\"user_name\": \"" + str(qv, "user_name") + "\", \"password\": \""
                    + str(qv, "password") + "\", \"base_url\": \"" + str(qv, "base_url") + "\"}";
            try (VodkitClient client = new VodkitClient(Quvideo.PROVIDER, config)) {
                Quvideo quvideo = new Quvideo(client);
                check(str(quvideo.login(), "consoleToken").length() == 32, "login");
                String pending = quvideo.getVideos(1L, 2L, null, null, null, null, null, null, "onCensor");
                check(num(pending, "total") == 4 && pending.contains("vid004"), "getVideos: " + pending);
                quvideo.createAudit("vid003", "Blocked", "\u5e7f\u544a \"quoted\"");
                String audits = providerControl("quvideo", "audits");
                check(audits.contains("\u5e7f\u544a") || audits.contains("\\u5e7f\\u544a"), "audits: " + audits);
                quvideo.pushObjectCache(List.of("example.com/typed.png"));
                check(providerControl("quvideo", "cache").contains("example.com/typed.png"), "cache");
            }
        });
        test("every catalog operation has its generated Java method with its parameters", () -> {
            check(methodsMatchCatalog(client(), Baijiayun.OPERATION_METHODS, Baijiayun.class) > 50, "baijiayun");
            try (VodkitClient iq = new VodkitClient("iqiyi", "{\"client_id\": \"i\", \"client_secret\": \"s\"}");
                    VodkitClient qv = new VodkitClient("quvideo", "{\"user_name\": \"u\", \"password\": \"p\", \"base_url\": \"" + root + "\"}")) {
                check(methodsMatchCatalog(iq, Iqiyi.OPERATION_METHODS, Iqiyi.class) > 5, "iqiyi");
                check(methodsMatchCatalog(qv, Quvideo.OPERATION_METHODS, Quvideo.class) > 5, "quvideo");
            }
        });
    }

    /**
     * Each operation the library's catalog lists (client.operations()) has its
     * row in the class's OPERATION_METHODS, in order, and a public method of
     * that name whose longest overload takes its parameters (and the file,
     * for an operation that sends one). Returns the number of operations.
     */
    static int methodsMatchCatalog(VodkitClient client, List<List<String>> table, Class<?> generated) {
        try (client) {
            List<String> ops = objects(client.operations());
            check(ops.size() == table.size(), generated.getSimpleName() + ": " + ops.size() + " operations, "
                    + table.size() + " rows");
            for (int i = 0; i < ops.size(); i++) {
                String op = ops.get(i);
                String name = str(op, "name");
                List<String> row = table.get(i);
                check(row.get(0).equals(name) && row.get(1).equals(str(op, "function")), name + " vs " + row);
                int params = op.split("\"argument\"\\s*:", -1).length - 1;
                if (!Pattern.compile("\"file_field\"\\s*:\\s*null").matcher(op).find()) {
                    params++;
                }
                int longest = -1;
                for (java.lang.reflect.Method m : generated.getMethods()) {
                    if (m.getName().equals(row.get(2)) && m.getReturnType() == String.class) {
                        longest = Math.max(longest, m.getParameterCount());
                    }
                }
                check(longest == params, name + ": " + row.get(2) + " takes " + longest + ", the catalog " + params);
            }
            return ops.size();
        }
    }

    /** The top-level objects of a JSON array, as text. */
    static List<String> objects(String array) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = 0; i < array.length(); i++) {
            char c = array.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == '}' && --depth == 0) {
                out.add(array.substring(start, i + 1));
            }
        }
        return out;
    }

    /** Child JVM: VODKIT_TEST_PANIC=jni makes the next native call panic. */
    static void panicProbe() {
        try (VodkitClient client = new VodkitClient("baijiayun", "{\"partner_id\": \"1\", \"partner_key\": \"k\", \"private_domain\": \"acme\"}")) {
            client.call("video/getStatus", "{\"video_id\": 1}");
            System.out.println("no exception");
        } catch (VodkitException e) {
            System.out.println(e.getCode() + ": " + e.getMessage());
        }
        System.out.println("alive");
    }

    /** Child JVM: uploads with a checkpoint directory, printing each progress report, until killed. */
    static void uploadChild(String[] args) {
        root = args[1];
        partnerId = args[2];
        partnerKey = args[3];
        try (VodkitClient client = client()) {
            client.upload(args[4], "{\"part_size\": 262144, \"ranged\": true, \"checkpoint_dir\": \"" + args[5] + "\"}",
                    p -> {
                        System.out.println("sent " + p.getBytesSent());
                        System.out.flush();
                    });
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // --- helpers -----------------------------------------------------------

    static int passed;
    static int failed;

    interface Body {
        void run() throws Exception;
    }

    static void test(String name, Body body) {
        try {
            body.run();
            passed++;
            System.out.println("ok     " + name);
        } catch (Throwable t) {
            failed++;
            System.out.println("FAILED " + name + ": " + t);
            t.printStackTrace(System.out);
        }
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    static VodkitException expect(Body body) throws Exception {
        try {
            body.run();
        } catch (VodkitException e) {
            return e;
        }
        throw new AssertionError("no VodkitException");
    }

    static String config(String extra) {
        return "{\"partner_id\": \"" + partnerId + "\", \"base_url\": \"" + root + "/baijiayun\", "
                + "\"retry\": {\"max_retries\": 2, \"initial_backoff_ms\": 20, \"max_backoff_ms\": 200}, " + extra + "}";
    }

    static VodkitClient client() {
        return new VodkitClient("baijiayun", config("\"partner_key\": \"" + partnerKey + "\""));
    }

    static String upload(VodkitClient client, Path path, String options, org.vodkit.ProgressListener listener) {
        return client.upload(path.toString(), options, listener);
    }

    static Path file(String name, long size) throws IOException {
        Path path = tmp.resolve(name);
        byte[] chunk = new byte[64 * 1024];
        new java.util.Random(size).nextBytes(chunk);
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
            for (long left = size; left > 0; left -= chunk.length) {
                f.write(chunk, 0, (int) Math.min(left, chunk.length));
            }
        }
        return path;
    }

    static String md5(Path path) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        md.update(Files.readAllBytes(path));
        return HexFormat.of().formatHex(md.digest());
    }

    static String control(String path, String body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(root + "/_emulator/baijiayun/" + path))
                .header("content-type", "application/json");
        req = body == null ? req.GET() : req.POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> resp = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
        check(resp.statusCode() / 100 == 2, path + ": HTTP " + resp.statusCode());
        return resp.body();
    }

    static String providerControl(String provider, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(root + "/_emulator/" + provider + "/" + path)).GET().build();
        HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        check(resp.statusCode() / 100 == 2, path + ": HTTP " + resp.statusCode());
        return resp.body();
    }

    static void faults(String json) throws Exception {
        control("faults", json);
    }

    /** Whether a checkpoint in `dir` records an acknowledged range. */
    static boolean acknowledged(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.toString().endsWith(".json")
                        && Pattern.compile("\"ranges\"\\s*:\\s*\\[\\s*\\{").matcher(Files.readString(f)).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    static String emulatorVideo(long id) throws Exception {
        return control("videos/" + id, null);
    }

    static String str(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        check(m.find(), key + " in " + json);
        return m.group(1);
    }

    static long num(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        check(m.find(), key + " in " + json);
        return Long.parseLong(m.group(1));
    }

    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("no VmRSS");
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
