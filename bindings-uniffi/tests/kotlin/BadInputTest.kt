// The shared bad-input table (tests/vectors/bad-input.json) in Kotlin: each row a Kotlin caller
// can write is a Validation exception naming the member, or, where the row says so, the exception
// uniffi's generated layer throws; either way nothing is sent.

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import dev.iottransfer.*
import java.io.File
import java.nio.charset.CharacterCodingException

/** A table string: itself, `{"repeat", "times"}` or `{"prefix", "surrogate", "suffix"}`. */
fun tableText(value: JsonElement): String {
    if (value.isJsonPrimitive) return value.asString
    val spec = value.asJsonObject
    if (spec.has("repeat")) return spec["repeat"].asString.repeat(spec["times"].asInt)
    return spec["prefix"].asString + spec["surrogate"].asInt.toChar() + spec["suffix"].asString
}

fun badInputTable(vectors: File) = ScriptedServer().use { server ->
    val table = JsonParser.parseString(File(vectors, "bad-input.json").readText()).asJsonObject
    val rows = table["inputs"].asJsonArray.map { it.asJsonObject }
        .filter { row -> !row.has("only") || row["only"].asJsonArray.any { it.asString == "kotlin" } }
    check(rows.size >= 9) { "rows for Kotlin: ${rows.size}" }
    val client = clientFor(server)
    for (row in rows) {
        val name = row["name"].asString
        val members = row["input"].asJsonObject
        val input = TransferCertificateInput(
            members["certificateId"]?.let(::tableText) ?: ID,
            members["targetAwsAccount"]?.let(::tableText) ?: "444455556666",
            members["transferMessage"]?.let(::tableText),
        )
        if (row.has("kotlin")) {
            check(row["kotlin"].asString == "CharacterCodingException") { name }
            assertThrows<CharacterCodingException> { client.transferCertificateBlocking(input) }
            continue
        }
        val error = assertThrows<IotTransferException.Validation> { client.transferCertificateBlocking(input) }
        check(error.field == row["field"].asString && error.rule.startsWith(row["rule"].asString)) { "$name: $error" }
        check(error.errorMessage.length < 300) { "$name: the message repeats the value" }
    }
    check(server.requests.isEmpty())
}

fun badInputTests(vectors: File) = linkedMapOf<String, () -> Unit>("the bad-input table" to { badInputTable(vectors) })
