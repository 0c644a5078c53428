//! Exact decimal numbers: "1.700.988 tỷ" must not become 1.700988e15 ± rounding.

use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

/// An exact decimal: `mantissa × 10^-scale`.
///
/// Arithmetic saturates to `None` instead of overflowing. Converted to a JSON
/// number only at the edge: an integer when it is one, else the shortest
/// `f64` that prints back as the same decimal.
///
/// ```
/// use chiso::Decimal;
/// let x = Decimal::parse("1700988").unwrap().mul(Decimal::pow10(9)).unwrap();
/// assert_eq!(x.to_string(), "1700988000000000");
/// assert_eq!(Decimal::parse("3.4").unwrap().to_string(), "3.4");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

const MAX_SCALE: u32 = 30;

/// The decimal digits of a whole number, made two at a time on the stack:
/// what `n.to_string()` gives, without the formatting machinery or an
/// allocation (output writers and temporal values write many numbers).
///
/// ```
/// assert_eq!(chiso::decimal::Digits::of(2023).as_str(), "2023");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Digits {
    bytes: [u8; 20],
    len: usize,
}

impl Digits {
    /// The digits of `n`.
    pub fn of(n: u64) -> Digits {
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";
        let len = match n {
            0..=9 => 1,
            10..=99 => 2,
            100..=999 => 3,
            1000..=9999 => 4,
            _ => n.ilog10() as usize + 1,
        };
        let mut bytes = [0u8; 20];
        let (mut n, mut end) = (n, len);
        while n >= 10 {
            let pair = 2 * (n % 100) as usize;
            n /= 100;
            end -= 2;
            bytes[end..end + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        }
        if end == 1 {
            bytes[0] = b'0' + n as u8;
        }
        Digits { bytes, len }
    }

    /// How many digits there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Never: a number has at least one digit.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// All twenty bytes, the digits first (for a fixed-size copy).
    pub fn padded(&self) -> &[u8; 20] {
        &self.bytes
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).expect("ASCII digits")
    }
}

/// 10^0 ..= 10^38, the powers of ten an `i128` holds.
const POW10: [i128; 39] = {
    let mut table = [1i128; 39];
    let mut i = 1;
    while i < table.len() {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal { mantissa: 0, scale: 0 };

    /// An integer.
    pub fn from_int(n: i128) -> Decimal {
        Decimal { mantissa: n, scale: 0 }
    }

    /// `10^exp` (for scales: "nghìn" = 10^3, "tỷ" = 10^9).
    pub fn pow10(exp: u32) -> Decimal {
        Decimal {
            mantissa: POW10[exp.min(38) as usize],
            scale: 0,
        }
    }

    /// `mantissa × 10^-scale`, or `None` when the scale is absurd.
    pub fn new(mantissa: i128, scale: u32) -> Option<Decimal> {
        (scale <= MAX_SCALE).then(|| Decimal { mantissa, scale }.trimmed())
    }

    /// Parses plain ASCII "123", "-5", "3.4" (a dot as decimal point, no grouping).
    pub fn parse(s: &str) -> Option<Decimal> {
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let mut mantissa: i128 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return None;
            }
            mantissa = mantissa.checked_mul(10)?.checked_add((b - b'0') as i128)?;
        }
        Decimal::new(if neg { -mantissa } else { mantissa }, frac.len() as u32)
    }

    /// Drops trailing fractional zeros ("3.40" → "3.4").
    fn trimmed(mut self) -> Decimal {
        if self.scale == 0 {
            return self;
        }
        // The same steps in 64 bits when the mantissa fits (most figures):
        // a machine division instead of a 128-bit one.
        if let Ok(mut m) = i64::try_from(self.mantissa) {
            while self.scale > 0 && m % 10 == 0 {
                m /= 10;
                self.scale -= 1;
            }
            self.mantissa = m as i128;
            return self;
        }
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    fn aligned(self, other: Decimal) -> Option<(i128, i128, u32)> {
        if self.scale == other.scale {
            // What scaling by 10^0 gives, without multiplying.
            return Some((self.mantissa, other.mantissa, self.scale));
        }
        let scale = self.scale.max(other.scale);
        let a = self.mantissa.checked_mul(10i128.checked_pow(scale - self.scale)?)?;
        let b = other.mantissa.checked_mul(10i128.checked_pow(scale - other.scale)?)?;
        Some((a, b, scale))
    }

    /// Exact sum, `None` on overflow (checked, hence not `std::ops::Add`).
    #[allow(clippy::should_implement_trait)]
    pub fn add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, scale) = self.aligned(other)?;
        Decimal::new(a.checked_add(b)?, scale)
    }

    /// Exact product, `None` on overflow (checked, hence not `std::ops::Mul`).
    #[allow(clippy::should_implement_trait)]
    pub fn mul(self, other: Decimal) -> Option<Decimal> {
        let mantissa = match (i64::try_from(self.mantissa), i64::try_from(other.mantissa)) {
            // Two 64-bit factors: the product is below 2^126, no overflow to check.
            (Ok(a), Ok(b)) => a as i128 * b as i128,
            _ => self.mantissa.checked_mul(other.mantissa)?,
        };
        let scale = self.scale + other.scale;
        if scale > MAX_SCALE {
            return None;
        }
        Decimal::new(mantissa, scale)
    }

    /// The negated value.
    #[allow(clippy::should_implement_trait)]
    pub fn neg(self) -> Decimal {
        Decimal {
            mantissa: -self.mantissa,
            scale: self.scale,
        }
    }

    /// True for an integer value.
    pub fn is_integer(&self) -> bool {
        self.scale == 0
    }

    /// The value as `i64` when it is an integer that fits.
    pub fn to_i64(&self) -> Option<i64> {
        if self.scale == 0 {
            i64::try_from(self.mantissa).ok()
        } else {
            None
        }
    }

    /// The nearest `f64` (for display and JSON only; never for arithmetic).
    pub fn to_f64(&self) -> f64 {
        self.to_string().parse().unwrap_or(f64::NAN)
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Decimal) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        if self.scale == other.scale {
            // What aligning would compare, without scaling either.
            return self.mantissa.cmp(&other.mantissa);
        }
        match self.aligned(*other) {
            Some((a, b, _)) => a.cmp(&b),
            None => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.mantissa.unsigned_abs().to_string();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let scale = self.scale as usize;
        if scale == 0 {
            return write!(f, "{sign}{digits}");
        }
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        write!(f, "{sign}{int}.{frac}")
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.to_i64() {
            Some(n) => serializer.serialize_i64(n),
            None => serializer.serialize_f64(self.to_f64()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 64-bit and table shortcuts answer as 128-bit arithmetic does,
    /// at the edges of 64 bits too.
    #[test]
    fn shortcuts_answer_as_i128_arithmetic() {
        let mantissas = [
            0,
            1,
            -1,
            10,
            -30,
            34,
            1_700_988,
            i64::MAX as i128,
            i64::MIN as i128,
            i64::MAX as i128 + 1,
            i64::MIN as i128 - 10,
            10i128.pow(20),
            -(10i128.pow(30)),
            i128::MAX,
            i128::MIN,
        ];
        for exp in 0..=40 {
            assert_eq!(Decimal::pow10(exp).mantissa, 10i128.pow(exp.min(38)));
        }
        let slow_trim = |mut m: i128, mut s: u32| {
            while s > 0 && m % 10 == 0 {
                m /= 10;
                s -= 1;
            }
            (m, s)
        };
        for &a in &mantissas {
            for scale in [0, 1, 2, 6, 30] {
                let t = Decimal { mantissa: a, scale }.trimmed();
                assert_eq!((t.mantissa, t.scale), slow_trim(a, scale), "{a} {scale}");
            }
            for &b in &mantissas {
                let (x, y) = (Decimal { mantissa: a, scale: 1 }, Decimal { mantissa: b, scale: 2 });
                let slow = a.checked_mul(b).map(|m| slow_trim(m, 3));
                assert_eq!(x.mul(y).map(|d| (d.mantissa, d.scale)), slow, "{a} × {b}");
                let (x, y) = (Decimal { mantissa: a, scale: 2 }, Decimal { mantissa: b, scale: 2 });
                let slow = a.checked_add(b).map(|m| slow_trim(m, 2));
                assert_eq!(x.add(y).map(|d| (d.mantissa, d.scale)), slow, "{a} + {b}");
            }
        }
    }

    #[test]
    fn digits_are_to_string() {
        for n in (0..100_000u64).chain([u64::MAX, u64::MAX / 7, 1 << 40, 10u64.pow(19), 10u64.pow(19) - 1]) {
            assert_eq!(Digits::of(n).as_str(), n.to_string());
        }
    }

    #[test]
    fn exact_arithmetic() {
        let d = |s| Decimal::parse(s).unwrap();
        assert_eq!(d("1.2").mul(Decimal::pow10(12)).unwrap().to_string(), "1200000000000");
        assert_eq!(
            d("305.6").mul(Decimal::pow10(9)).unwrap().to_i64(),
            Some(305_600_000_000)
        );
        assert_eq!(d("0.1").add(d("0.2")).unwrap(), d("0.3"));
        assert_eq!(d("-5").to_string(), "-5");
        assert_eq!(d("0.05").to_string(), "0.05");
        assert_eq!(d("3.40"), d("3.4"));
        assert!(d("2") > d("1.99"));
        assert_eq!(Decimal::parse("1a"), None);
        assert_eq!(serde_json::to_string(&d("3.4")).unwrap(), "3.4");
        assert_eq!(serde_json::to_string(&d("1250000000000")).unwrap(), "1250000000000");
    }
}
