//! Receipt codes: 16 symbols of Crockford's base-32 alphabet (80 bits), shown in
//! groups of four (`K7QM-4XPD-9TBW-2HNC`). Typing is forgiving: case, spaces and
//! hyphens do not matter, and O/I/L read as 0/1/1.

use std::fmt;

pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LEN: usize = 16;

#[derive(Clone, PartialEq, Eq)]
pub struct ReceiptCode(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("not a receipt code")]
pub struct ReceiptError;

impl ReceiptCode {
    /// 80 bits (the first 10 bytes) written as 16 symbols.
    pub fn from_bytes(bytes: &[u8; 10]) -> ReceiptCode {
        let mut bits: u128 = 0;
        for b in bytes {
            bits = (bits << 8) | u128::from(*b);
        }
        let mut out = String::with_capacity(LEN);
        for i in (0..LEN).rev() {
            let index = ((bits >> (i * 5)) & 0x1f) as usize;
            out.push(char::from(ALPHABET[index]));
        }
        ReceiptCode(out)
    }

    pub fn parse(input: &str) -> Result<ReceiptCode, ReceiptError> {
        let mut out = String::with_capacity(LEN);
        for c in input.chars() {
            let c = match c.to_ascii_uppercase() {
                ' ' | '-' | '\u{2010}'..='\u{2015}' | '\t' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
                _ => return Err(ReceiptError),
            };
            out.push(c);
            if out.len() > LEN {
                return Err(ReceiptError);
            }
        }
        if out.len() == LEN { Ok(ReceiptCode(out)) } else { Err(ReceiptError) }
    }

    /// The canonical form, without hyphens: what is hashed.
    pub fn canonical(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ReceiptCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, chunk) in self.0.as_bytes().chunks(4).enumerate() {
            if i > 0 {
                f.write_str("-")?;
            }
            f.write_str(std::str::from_utf8(chunk).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

// Never in logs by accident.
impl fmt::Debug for ReceiptCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ReceiptCode(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_grouped_and_parse_back_forgivingly() -> Result<(), ReceiptError> {
        let code = ReceiptCode::from_bytes(&[0xff, 0, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0]);
        let shown = code.to_string();
        assert_eq!(shown.len(), 19);
        assert_eq!(shown.matches('-').count(), 3);
        assert_eq!(ReceiptCode::parse(&shown)?, code);
        assert_eq!(ReceiptCode::parse(&shown.to_lowercase().replace('-', " "))?, code);
        assert_eq!(ReceiptCode::parse("oooo-iiii-llll-0000")?, ReceiptCode::parse("0000-1111-1111-0000")?);
        Ok(())
    }

    #[test]
    fn rejects_wrong_lengths_and_symbols() {
        for bad in
            ["", "ABCD", "K7QM-4XPD-9TBW-2HN", "K7QM-4XPD-9TBW-2HNCX", "K7QM-4XPD-9TBW-2HNU", "К7QM-4XPD-9TBW-2HNC"]
        {
            assert!(ReceiptCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn debug_hides_the_code() {
        let code = ReceiptCode::from_bytes(&[7; 10]);
        assert!(!format!("{code:?}").contains(code.canonical()));
    }
}
