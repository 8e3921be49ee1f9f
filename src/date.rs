//! Calendar dates as the data writes them (ISO 8601 `YYYY-MM-DD`).

use std::fmt;

/// A calendar date. Orders chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl IsoDate {
    /// Parses `YYYY-MM-DD`, checking the day against the month (and leap years).
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::date::IsoDate;
    /// assert!(IsoDate::parse("2020-11-10").is_some());
    /// assert!(IsoDate::parse("2020-02-30").is_none());
    /// assert!(IsoDate::parse("10/11/2020").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<IsoDate> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year: u16 = text[0..4].parse().ok()?;
        let month: u8 = text[5..7].parse().ok()?;
        let day: u8 = text[8..10].parse().ok()?;
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(IsoDate { year, month, day })
    }

    /// The date written out for readers: `10 novembre 2020`, `10 November 2020`.
    pub fn long(&self, lang: &str) -> String {
        let m = usize::from(self.month - 1);
        match lang {
            "fr" => format!(
                "{}{} {} {}",
                self.day,
                if self.day == 1 { "er" } else { "" },
                MONTHS_FR[m],
                self.year
            ),
            _ => format!("{} {} {}", self.day, MONTHS_EN[m], self.year),
        }
    }
}

impl IsoDate {
    /// The date in short: `27 sept.`, `27 Sep` (the year left out).
    pub fn short(&self, lang: &str) -> String {
        const FR: [&str; 12] = [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ];
        let m = usize::from(self.month - 1);
        match lang {
            "fr" => format!("{} {}", self.day, FR[m]),
            _ => format!("{} {}", self.day, &MONTHS_EN[m][..3]),
        }
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_and_refuses_invalid_dates() {
        let cases = [
            ("2020-11-10", true),
            ("2020-02-29", true),
            ("2021-02-29", false),
            ("2020-13-01", false),
            ("2020-11-31", false),
            ("2020-11-1", false),
            ("20201110", false),
            ("", false),
        ];
        for (text, ok) in cases {
            assert_eq!(IsoDate::parse(text).is_some(), ok, "{text}");
        }
    }

    #[test]
    fn round_trips_and_orders() {
        let a = IsoDate::parse("2020-09-27").unwrap();
        let b = IsoDate::parse("2020-11-10").unwrap();
        assert!(a < b);
        assert_eq!(b.to_string(), "2020-11-10");
        assert_eq!(
            IsoDate::parse("2020-12-01").unwrap().long("fr"),
            "1er décembre 2020"
        );
        assert_eq!(b.long("en"), "10 November 2020");
        assert_eq!(a.short("fr"), "27 sept.");
        assert_eq!(a.short("en"), "27 Sep");
    }
}
