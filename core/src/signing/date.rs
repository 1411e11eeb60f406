//! The SigV4 timestamp, `YYYYMMDD'T'HHMMSS'Z'` in UTC.

use std::time::{SystemTime, UNIX_EPOCH};

/// Formats `time` (whole seconds, UTC) as `20261125T120000Z`; times before 1970 format as 1970.
pub(crate) fn format_date_time(time: SystemTime) -> String {
    let seconds = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    format!("{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_date_time(at(0)), "19700101T000000Z");
        assert_eq!(format_date_time(at(1_440_938_160)), "20150830T123600Z");
        assert_eq!(format_date_time(at(1_795_608_000)), "20261125T120000Z");
        assert_eq!(format_date_time(at(951_782_399)), "20000228T235959Z");
        assert_eq!(format_date_time(at(951_782_400)), "20000229T000000Z");
        assert_eq!(format_date_time(at(4_107_542_399)), "21000228T235959Z");
        assert_eq!(format_date_time(at(4_107_542_400)), "21000301T000000Z");
        assert_eq!(format_date_time(at(1_767_225_599) + Duration::from_millis(999)), "20251231T235959Z");
    }

    #[test]
    fn agrees_with_httpdate_for_every_day_of_four_centuries() {
        for day in 0..(146_097 + 365 * 30) {
            let time = at(day * 86_400 + 45_296);
            let http = httpdate::fmt_http_date(time);
            let parsed = httpdate::parse_http_date(&http).unwrap();
            assert_eq!(parsed, time);
            let ours = format_date_time(time);
            // httpdate: "Thu, 01 Jan 1970 12:34:56 GMT"
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            let parts: Vec<&str> = http.split(' ').collect();
            let month = months.iter().position(|m| *m == parts[2]).unwrap() + 1;
            let expected = format!("{}{:02}{}T123456Z", parts[3], month, parts[1]);
            assert_eq!(ours, expected, "day {day}");
        }
    }
}
