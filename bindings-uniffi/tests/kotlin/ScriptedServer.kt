// A scripted IoT endpoint on loopback for the Kotlin tests: records each request and answers with
// the next scripted reply (a response, a delayed response, or a dropped connection).

import com.sun.net.httpserver.HttpServer
import java.net.InetSocketAddress
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors

data class Reply(
    val status: Int = 200,
    val body: String = "",
    val headers: Map<String, String> = emptyMap(),
    val delayMs: Long = 0,
    val drop: Boolean = false,
)

data class Recorded(val method: String, val path: String, val headers: Map<String, String>, val body: String)

fun success(arn: String) = Reply(body = "{\"transferredCertificateArn\":\"$arn\"}")

fun serviceError(status: Int, code: String, message: String) =
    Reply(status, "{\"message\":\"$message\"}", mapOf("x-amzn-ErrorType" to "$code:http://internal.amazon.com/"))

class ScriptedServer(replies: List<Reply> = emptyList()) : AutoCloseable {
    private val queue = ConcurrentLinkedQueue(replies)
    val requests = CopyOnWriteArrayList<Recorded>()
    private val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
    val url: String get() = "http://127.0.0.1:${server.address.port}"

    init {
        server.executor = Executors.newCachedThreadPool()
        server.createContext("/") { exchange ->
            val body = exchange.requestBody.readBytes().toString(Charsets.UTF_8)
            val headers = exchange.requestHeaders.entries.associate { it.key.lowercase() to it.value.joinToString(",") }
            requests.add(Recorded(exchange.requestMethod, exchange.requestURI.toString(), headers, body))
            val reply = queue.poll() ?: Reply(599, "{}")
            if (reply.drop) {
                exchange.close()
                return@createContext
            }
            if (reply.delayMs > 0) Thread.sleep(reply.delayMs)
            val payload = reply.body.toByteArray()
            exchange.responseHeaders.add("content-type", "application/json")
            val all = mapOf("x-amzn-RequestId" to "req-${requests.size}") + reply.headers
            all.forEach { (name, value) -> if (value.isNotEmpty()) exchange.responseHeaders.add(name, value) }
            exchange.sendResponseHeaders(reply.status, if (payload.isEmpty()) -1 else payload.size.toLong())
            exchange.responseBody.use { it.write(payload) }
        }
        server.start()
    }

    fun push(reply: Reply) {
        queue.add(reply)
    }

    override fun close() = server.stop(0)
}
