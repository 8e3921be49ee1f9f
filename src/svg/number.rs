//! Numbers for SVG and the URL, written and read with fixed rounding and integer
//! arithmetic (the float formatting and parsing machinery stays out of the wasm).

/// Writes `v` with at most `decimals` decimals, without trailing zeros, and `-0` as `0`.
/// Integer arithmetic only: the float formatting machinery stays out of the wasm.
///
/// # Examples
/// ```
/// use ceasefire_map::svg::push_num;
/// let mut s = String::new();
/// for v in [12.345, -0.04, 3.0, -7.25] {
///     push_num(&mut s, v, 1);
///     s.push(' ');
/// }
/// assert_eq!(s, "12.3 0 3 -7.3 ");
/// ```
pub fn push_num(s: &mut String, v: f64, decimals: u32) {
    let unit = 10_u64.pow(decimals);
    let n = (v * unit as f64).round();
    if n < 0.0 {
        s.push('-');
    }
    // Saturates far outside any map coordinate; NaN becomes 0.
    let n = n.abs() as u64;
    push_digits(s, n / unit, 1);
    let mut frac = n % unit;
    if frac > 0 {
        s.push('.');
        let mut width = decimals;
        while frac.is_multiple_of(10) {
            frac /= 10;
            width -= 1;
        }
        push_digits(s, frac, width as usize);
    }
}

/// Writes `n` in decimal with at least `width` digits (leading zeros), without the
/// allocation and formatting machinery of `to_string`: path data writes thousands.
fn push_digits(s: &mut String, mut n: u64, width: usize) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    while n > 0 {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    let start = i.min(buf.len() - width.clamp(1, buf.len()));
    for &b in &buf[start..] {
        s.push(char::from(b));
    }
}

/// Reads a plain decimal such as `-46.7519` (no exponent), as [`push_num`] writes them.
/// Written here so that the URL's numbers do not pull the general float parser into the
/// wasm; exact to the last digit for up to 15 significant digits.
///
/// # Examples
/// ```
/// use ceasefire_map::svg::parse_num;
/// assert_eq!(parse_num("46.7519"), Some(46.7519));
/// assert_eq!(parse_num("-0.5"), Some(-0.5));
/// assert_eq!(parse_num("4"), Some(4.0));
/// for bad in ["", "-", ".", "1.", "1e3", "1.2.3", "+1", "NaN", " 1", "12345678901234567890"] {
///     assert_eq!(parse_num(bad), None, "{bad}");
/// }
/// ```
pub fn parse_num(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let frac = frac.unwrap_or("");
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int)
        || (digits.contains('.') && !all_digits(frac))
        || int.len() + frac.len() > 15
    {
        return None;
    }
    let mut n: u64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        n = n * 10 + u64::from(b - b'0');
    }
    // n < 10^15 is exact in an f64, and so is 10^k for k <= 15: one division, one rounding.
    let v = n as f64 / 10_f64.powi(frac.len() as i32);
    Some(if negative { -v } else { v })
}

/// `v` as [`push_num`] writes it.
pub fn num(v: f64, decimals: u32) -> String {
    let mut s = String::new();
    push_num(&mut s, v, decimals);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_fixed() {
        assert_eq!(num(0.05, 2), "0.05");
        assert_eq!(num(-1234.5678, 2), "-1234.57");
        assert_eq!(num(1e-9, 1), "0");
        assert_eq!(num(1_000_000.0, 2), "1000000");
    }

    #[test]
    fn numbers_read_back_as_written() {
        // Written with integer arithmetic, they agree with the standard library's
        // rounding to the same decimals, and parse_num reads them back.
        for i in -2000..2000 {
            let v = f64::from(i) * 0.37 + 0.001;
            for decimals in [0, 1, 2, 4] {
                let ours = num(v, decimals);
                let unit = 10_f64.powi(decimals as i32);
                let rounded = (v * unit).round() / unit;
                assert_eq!(
                    parse_num(&ours),
                    Some(rounded).map(|r| if r == 0.0 { 0.0 } else { r }),
                    "{v} {decimals}"
                );
            }
        }
    }
}
