//! Who may update: the `Authorization: Bearer <token>` check for `/update`.

/// The secret a client must present to update the store.
#[derive(Clone)]
pub struct UpdateToken(String);

impl UpdateToken {
    /// A token; `None` when it is empty (an empty secret would let anyone in).
    pub fn new(token: &str) -> Option<UpdateToken> {
        let token = token.trim();
        (!token.is_empty()).then(|| UpdateToken(token.to_string()))
    }

    /// Whether an `Authorization` header value carries this token.
    pub fn admits(&self, authorization: Option<&str>) -> bool {
        let Some((scheme, credentials)) = authorization.and_then(|h| h.trim().split_once(' '))
        else {
            return false;
        };
        scheme.eq_ignore_ascii_case("bearer")
            && constant_time_eq(credentials.trim().as_bytes(), self.0.as_bytes())
    }
}

impl std::fmt::Debug for UpdateToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UpdateToken(..)")
    }
}

/// Compares without stopping at the first difference, so the time taken does
/// not tell an attacker how much of a guessed token was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_right_bearer_token_is_admitted() {
        let token = UpdateToken::new("s3cret").expect("non-empty");
        assert!(token.admits(Some("Bearer s3cret")));
        assert!(token.admits(Some("bearer  s3cret ")));
        for wrong in [
            None,
            Some(""),
            Some("Bearer"),
            Some("Bearer s3cre"),
            Some("Bearer s3cret2"),
            Some("Basic s3cret"),
        ] {
            assert!(!token.admits(wrong), "{wrong:?}");
        }
    }

    #[test]
    fn an_empty_token_is_refused() {
        assert!(UpdateToken::new("  ").is_none());
    }
}
