// The conversions the generated builders (Builders.kt) make between the Kotlin types callers write
// and uniffi's unsigned types, written once.

package dev.iottransfer

/** A count as the core takes it: below 0 is 0, so the core's range check names the member and rule. */
internal fun saturatingUInt(value: Int): UInt = if (value < 0) 0u else value.toUInt()

/** A count as the core takes it: 0 to 65535, saturating at both ends. */
internal fun saturatingUShort(value: Int): UShort = value.coerceIn(0, UShort.MAX_VALUE.toInt()).toUShort()

/** A count as the core takes it: below 0 is 0. */
internal fun saturatingULong(value: Long): ULong = if (value < 0) 0uL else value.toULong()

/** A count as builders hold it: above [Int.MAX_VALUE] is [Int.MAX_VALUE]. */
internal fun saturatingIntOf(value: UInt): Int = if (value > Int.MAX_VALUE.toUInt()) Int.MAX_VALUE else value.toInt()

/** A count as builders hold it. */
internal fun saturatingIntOf(value: UShort): Int = value.toInt()

/** A count as builders hold it: above [Long.MAX_VALUE] is [Long.MAX_VALUE]. */
internal fun saturatingLongOf(value: ULong): Long = if (value > Long.MAX_VALUE.toULong()) Long.MAX_VALUE else value.toLong()
