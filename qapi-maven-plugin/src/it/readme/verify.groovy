import java.net.StandardProtocolFamily
import java.net.UnixDomainSocketAddress
import java.nio.channels.Channels
import java.nio.channels.SocketChannel
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

// Built as written: the bindings were generated and compiled with the README's server.
['Greeting', 'QapiSchemaCommands', 'QapiSchemaCommandsMarshal', 'SchemaIntrospection'].each {
    assert new File(basedir, "target/classes/com/example/qmp/${it}.class").isFile() : "${it}.class missing"
}
assert new File(basedir, 'target/classes/com/example/HelloServer.class').isFile()

// Run as the plugin README says: java -cp target/classes:$(cat cp.txt) com.example.HelloServer
def socket = Path.of('/tmp/hello.sock')
if (Files.exists(socket)) {
    // Left by a run that was killed: nobody listens on it any more, or this test cannot use it.
    try {
        SocketChannel.open(UnixDomainSocketAddress.of(socket)).close()
        throw new AssertionError("${socket} is in use by another process")
    } catch (IOException stale) {
        Files.delete(socket)
    }
}
def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
def cp = 'target/classes:' + new File(basedir, 'cp.txt').text.trim()
def log = new File(basedir, 'server.log')
def server = new ProcessBuilder(java, '-cp', cp, 'com.example.HelloServer')
        .directory(basedir).redirectErrorStream(true).redirectOutput(log).start()
try {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
    while (!Files.exists(socket)) {
        assert server.isAlive() : "the server stopped: " + log.text
        assert System.nanoTime() < deadline : "no ${socket} after 30 s"
        Thread.sleep(50)
    }
    SocketChannel.open(StandardProtocolFamily.UNIX).withCloseable { ch ->
        ch.connect(UnixDomainSocketAddress.of(socket))
        def reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8))
        def out = Channels.newOutputStream(ch)
        assert reader.readLine().startsWith('{"QMP": {"version": {"qemu": {"micro": 0, "minor": 1, "major": 11}')
        out.write('{"execute": "qmp_capabilities"}\n{"execute": "hello", "arguments": {"name": "world"}}\n'.getBytes(StandardCharsets.UTF_8))
        assert reader.readLine() == '{"return": {}}'
        assert reader.readLine() == '{"return": {"message": "Hello, world!"}}'
    }
    server.destroy() // SIGTERM: the shutdown hook closes the server, awaitClose() returns, main ends
    assert server.waitFor(30, TimeUnit.SECONDS) : "still running 30 s after SIGTERM"
    assert !Files.exists(socket) : "the socket file was left behind"
} finally {
    if (server.isAlive()) {
        server.destroyForcibly()
    }
}
return true
