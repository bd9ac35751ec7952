//! The second factor: TOTP (RFC 6238, via `totp-rs`: SHA-1, 6 digits, 30-second
//! steps, one step of clock skew) and one-time recovery codes.

use totp_rs::{Algorithm, Builder, Totp};

use crate::crypto::{SecretKey, keyed_hash, os_random};

/// How many recovery codes an account gets.
pub const RECOVERY_CODES: usize = 10;

fn totp(secret: &[u8], account: &str, issuer: &str) -> anyhow::Result<Totp> {
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret.to_vec())
        .with_account_name(account.replace(':', ""))
        .with_issuer(Some(issuer.replace(':', "")))
        .build()
        .map_err(|e| anyhow::anyhow!("second factor: {e}"))
}

/// A new 160-bit secret from the OS generator.
pub fn new_secret() -> anyhow::Result<[u8; 20]> {
    os_random::<20>()
}

/// The secret as people type it into an authenticator app.
pub fn secret_base32(secret: &[u8]) -> String {
    totp_rs::Secret::from(secret.to_vec()).to_base32()
}

/// The `otpauth://` URL an authenticator app reads from the QR code.
pub fn otpauth_url(secret: &[u8], account: &str, issuer: &str) -> anyhow::Result<String> {
    totp(secret, account, issuer)?.to_url().map_err(|e| anyhow::anyhow!("second factor URL: {e}"))
}

/// The QR code of `url` as an SVG image (no script, no external request).
pub fn qr_svg(url: &str) -> anyhow::Result<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).map_err(|e| anyhow::anyhow!("QR code: {e}"))?;
    let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(200, 200).build();
    // Inline in HTML: the XML declaration the renderer starts with is not allowed there.
    Ok(svg.find("<svg").map_or(svg.clone(), |at| svg[at..].to_owned()))
}

fn unix_now() -> u64 {
    u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp()).unwrap_or(0)
}

/// The time step a 6-digit code matches now (±1 step), if any. The caller makes
/// sure each step is accepted only once.
pub fn check(secret: &[u8], code: &str) -> anyhow::Result<Option<i64>> {
    check_at(secret, code, unix_now())
}

pub fn check_at(secret: &[u8], code: &str, at: u64) -> anyhow::Result<Option<i64>> {
    let t = totp(secret, "check", "Homeward")?;
    Ok(t.check(code, at).and_then(|step| i64::try_from(step).ok()))
}

/// The code for a moment (for tests and the enrolment check).
pub fn code_at(secret: &[u8], at: u64) -> anyhow::Result<String> {
    Ok(totp(secret, "check", "Homeward")?.generate(at).to_string())
}

/// Unambiguous characters for recovery codes (no 0/O, 1/I/L).
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// New recovery codes, `XXXXX-XXXXX` (about 49 bits each), from the OS generator.
pub fn new_recovery_codes() -> anyhow::Result<Vec<String>> {
    let mut codes = Vec::with_capacity(RECOVERY_CODES);
    for _ in 0..RECOVERY_CODES {
        let bytes = os_random::<10>()?;
        let chars: String = bytes.iter().map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char).collect();
        codes.push(format!("{}-{}", &chars[..5], &chars[5..]));
    }
    Ok(codes)
}

/// Recovery codes are stored only as keyed hashes; typing is forgiving (case, dashes, spaces).
pub fn recovery_hash(key: &SecretKey, code: &str) -> String {
    let normal: String = code.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect();
    hex::encode(keyed_hash(&key.derive("recovery-code"), normal.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_sha1_vectors() -> anyhow::Result<()> {
        // RFC 6238 appendix B (SHA-1 secret "12345678901234567890"), last six digits.
        let secret = b"12345678901234567890";
        assert_eq!(code_at(secret, 59)?, "287082");
        assert_eq!(code_at(secret, 1_111_111_109)?, "081804");
        assert_eq!(code_at(secret, 2_000_000_000)?, "279037");
        assert_eq!(check_at(secret, "081804", 1_111_111_109)?, Some(1_111_111_109 / 30));
        // One step of skew either way, not two.
        assert!(check_at(secret, "081804", 1_111_111_109 + 30)?.is_some());
        assert!(check_at(secret, "081804", 1_111_111_109 + 90)?.is_none());
        assert!(check_at(secret, "000000", 59)?.is_none());
        Ok(())
    }

    #[test]
    fn recovery_codes_are_distinct_and_forgiving() -> anyhow::Result<()> {
        let codes = new_recovery_codes()?;
        assert_eq!(codes.len(), RECOVERY_CODES);
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), RECOVERY_CODES);
        let key =
            SecretKey::load(&crate::config::SecretKeySource::Inline(secrecy::SecretString::from("33".repeat(32))))?;
        assert_eq!(recovery_hash(&key, "abcde-fghjk"), recovery_hash(&key, "ABCDE FGHJK"));
        assert_ne!(recovery_hash(&key, "ABCDE-FGHJK"), recovery_hash(&key, "ABCDE-FGHJM"));
        Ok(())
    }

    #[test]
    fn enrolment_material_is_readable() -> anyhow::Result<()> {
        let secret = new_secret()?;
        let url = otpauth_url(&secret, "case@example.org", "Homeward")?;
        assert!(url.starts_with("otpauth://totp/"), "{url}");
        assert!(url.contains(&secret_base32(&secret)));
        let svg = qr_svg(&url)?;
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "{svg}");
        Ok(())
    }
}
