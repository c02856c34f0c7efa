//! The remote edge: writing article graphs to any SPARQL 1.1 Graph Store HTTP
//! Protocol endpoint (Virtuoso, Fuseki, GraphDB, Neptune...).
//!
//! Owns HTTP: `PUT url?graph=<iri>` with the graph as N-Triples (PUT replaces
//! the graph, so a re-run never duplicates), `DELETE` for pruning, HTTP Basic
//! and Digest authentication answered from the server's challenge, and
//! retries with exponential backoff on what may pass (connection errors, 5xx,
//! 429) but never on a refusal (other 4xx). A bearer token (QLever's access
//! token, an API gateway's) is sent with every request instead. Knows nothing
//! about the vocabulary or the pipeline; no secret ever appears in a message.

use digest_auth::{AuthContext, HttpMethod, WwwAuthenticateHeader};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNodeRef, Quad};
use std::fmt;
use std::io::Read;
use std::sync::Mutex;
use std::time::Duration;
use ureq::http::{Response, StatusCode, Uri};

/// How much of an error body is read to quote its first line.
const ERROR_BODY_LIMIT: u64 = 4096;
/// The longest wait between two attempts, whatever the backoff says.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// Where and how to write graphs.
#[derive(Clone)]
pub struct EndpointConfig {
    /// The Graph Store endpoint, e.g. `http://localhost:3030/news/data`.
    pub url: String,
    /// The query parameter naming the graph; `None` picks it from the URL
    /// (`graph-uri` for Virtuoso's `/sparql-graph-crud*`, else the standard `graph`).
    pub graph_param: Option<String>,
    /// User for Basic or Digest authentication (whichever the server asks for).
    pub user: Option<String>,
    /// Its password.
    pub password: Option<String>,
    /// A token sent up front as `Authorization: Bearer` (instead of a user).
    pub token: Option<String>,
    /// Attempts after the first one, on connection errors, 5xx and 429.
    pub retries: u32,
    /// Time allowed for one whole request.
    pub timeout: Duration,
    /// Wait before the first retry; doubled at each further one.
    pub backoff: Duration,
}

impl EndpointConfig {
    /// A configuration with the defaults: detected graph parameter, no
    /// credentials, 4 retries from 0.5 s, 60 s per request.
    pub fn new(url: impl Into<String>) -> EndpointConfig {
        EndpointConfig {
            url: url.into(),
            graph_param: None,
            user: None,
            password: None,
            token: None,
            retries: 4,
            timeout: Duration::from_secs(60),
            backoff: Duration::from_millis(500),
        }
    }
}

/// Never prints the password or the token.
impl fmt::Debug for EndpointConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EndpointConfig")
            .field("url", &self.url)
            .field("graph_param", &self.graph_param)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "<hidden>"))
            .field("token", &self.token.as_ref().map(|_| "<hidden>"))
            .field("retries", &self.retries)
            .field("timeout", &self.timeout)
            .field("backoff", &self.backoff)
            .finish()
    }
}

/// Why a graph could not be written.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    /// The endpoint URL cannot be used.
    #[error("endpoint URL {url:?}: {reason}")]
    BadUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The endpoint answered with a refusal (4xx other than 429, 3xx, or a 401 we cannot answer).
    #[error("{endpoint} refused {method} of graph <{graph}>: {}{}{}", status_line(*.status), body_suffix(.body), hint_suffix(.hint))]
    Refused {
        /// The endpoint URL.
        endpoint: String,
        /// PUT or DELETE.
        method: &'static str,
        /// The graph IRI.
        graph: String,
        /// The HTTP status, e.g. 401.
        status: u16,
        /// The first line of the response body (may be empty).
        body: String,
        /// What to check, when the status says something about it.
        hint: &'static str,
    },
    /// The endpoint could not be reached, or kept failing, through every retry.
    #[error("{endpoint}: {method} of graph <{graph}> failed after {attempts} attempt(s): {last}")]
    Unavailable {
        /// The endpoint URL.
        endpoint: String,
        /// PUT or DELETE.
        method: &'static str,
        /// The graph IRI.
        graph: String,
        /// How many requests were sent.
        attempts: u32,
        /// The last failure (a connection error or a 5xx/429 status line).
        last: String,
    },
    /// The quads could not be written as N-Triples.
    #[error("serializing graph <{graph}> as N-Triples: {cause}")]
    Serialize {
        /// The graph IRI.
        graph: String,
        /// The serializer's error.
        cause: std::io::Error,
    },
}

fn body_suffix(body: &str) -> String {
    if body.is_empty() {
        String::new()
    } else {
        format!(": {body}")
    }
}

fn hint_suffix(hint: &str) -> String {
    if hint.is_empty() {
        String::new()
    } else {
        format!(" ({hint})")
    }
}

/// A Graph Store Protocol endpoint, shareable between threads.
pub struct Endpoint {
    config: EndpointConfig,
    graph_param: String,
    agent: ureq::Agent,
    /// The server's last authentication challenge, answered up front on later
    /// requests so that each graph's body is sent once, not twice.
    challenge: Mutex<Option<Challenge>>,
}

#[derive(Clone)]
enum Challenge {
    Basic,
    Digest(Box<WwwAuthenticateHeader>),
}

#[derive(Clone, Copy)]
enum Method {
    Put,
    Delete,
}

impl Method {
    fn name(self) -> &'static str {
        match self {
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }

    fn digest(self) -> HttpMethod<'static> {
        match self {
            Method::Put => HttpMethod::PUT,
            Method::Delete => HttpMethod::DELETE,
        }
    }
}

/// The outcome of one request, before retries are decided.
enum Failure {
    /// May pass if tried again: a connection error, 5xx or 429.
    Transient(String),
    /// Will not pass: the status, the body's first line, and a hint.
    Refused(u16, String, &'static str),
}

impl Endpoint {
    /// Checks the URL and prepares the HTTP client (no request is sent yet).
    pub fn new(config: EndpointConfig) -> Result<Endpoint, RemoteError> {
        check_url(&config.url)?;
        let graph_param = config.graph_param.clone().unwrap_or_else(|| default_graph_param(&config.url).to_string());
        let agent_config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            // A redirected PUT may be replayed as a GET and "succeed": report redirects instead.
            .max_redirects(0)
            .timeout_global(Some(config.timeout))
            .user_agent(concat!("newsgraph/", env!("CARGO_PKG_VERSION")))
            .build();
        Ok(Endpoint { config, graph_param, agent: agent_config.into(), challenge: Mutex::new(None) })
    }

    /// The endpoint URL.
    pub fn url(&self) -> &str {
        &self.config.url
    }

    /// The query parameter that names the graph (given or detected).
    pub fn graph_param(&self) -> &str {
        &self.graph_param
    }

    /// Replaces `graph` on the endpoint with the triples of `quads` (their
    /// own graph names are ignored: they all go into `graph`).
    pub fn put_graph(&self, graph: NamedNodeRef<'_>, quads: &[Quad]) -> Result<(), RemoteError> {
        let body = ntriples(quads).map_err(|cause| RemoteError::Serialize { graph: graph.as_str().to_string(), cause })?;
        self.send(Method::Put, graph, &body)
    }

    /// Removes `graph` from the endpoint; a graph that is not there is no error.
    pub fn delete_graph(&self, graph: NamedNodeRef<'_>) -> Result<(), RemoteError> {
        self.send(Method::Delete, graph, &[])
    }

    /// One logical request, with retries on transient failures.
    fn send(&self, method: Method, graph: NamedNodeRef<'_>, body: &[u8]) -> Result<(), RemoteError> {
        let url = self.graph_url(graph.as_str());
        let mut attempts = 0;
        loop {
            attempts += 1;
            match self.attempt(method, &url, body) {
                Ok(()) => return Ok(()),
                Err(Failure::Transient(last)) if attempts > self.config.retries => {
                    return Err(RemoteError::Unavailable {
                        endpoint: self.config.url.clone(),
                        method: method.name(),
                        graph: graph.as_str().to_string(),
                        attempts,
                        last,
                    });
                }
                Err(Failure::Transient(_)) => std::thread::sleep(self.backoff(attempts)),
                Err(Failure::Refused(status, first_line, hint)) => {
                    return Err(RemoteError::Refused {
                        endpoint: self.config.url.clone(),
                        method: method.name(),
                        graph: graph.as_str().to_string(),
                        status,
                        body: first_line,
                        hint,
                    });
                }
            }
        }
    }

    /// Exponential: backoff, 2 × backoff, 4 × backoff... capped.
    fn backoff(&self, attempts: u32) -> Duration {
        let factor = 1u32.checked_shl(attempts.saturating_sub(1)).unwrap_or(u32::MAX);
        self.config.backoff.saturating_mul(factor).min(MAX_BACKOFF)
    }

    /// One request; a 401 is answered once with the credentials, if we have any.
    fn attempt(&self, method: Method, url: &str, body: &[u8]) -> Result<(), Failure> {
        let authorization = self.authorization(method, url);
        let mut response = self.request(method, url, authorization.as_deref(), body)?;
        if response.status() == StatusCode::UNAUTHORIZED {
            if self.config.token.is_some() {
                return Err(refused(&mut response, "the token was refused: check NEWSGRAPH_ENDPOINT_TOKEN"));
            }
            if self.config.user.is_none() {
                return Err(refused(&mut response, "the endpoint asks for credentials: pass --endpoint-user and set NEWSGRAPH_ENDPOINT_PASSWORD"));
            }
            let Some(challenge) = parse_challenges(&response) else {
                return Err(refused(&mut response, "the endpoint asks for an authentication scheme other than Basic or Digest"));
            };
            self.remember(challenge);
            let authorization = self.authorization(method, url);
            response = self.request(method, url, authorization.as_deref(), body)?;
            if response.status() == StatusCode::UNAUTHORIZED {
                return Err(refused(&mut response, "wrong user or password: check --endpoint-user and NEWSGRAPH_ENDPOINT_PASSWORD"));
            }
        }
        classify(&mut response, method)
    }

    fn request(&self, method: Method, url: &str, authorization: Option<&str>, body: &[u8]) -> Result<Response<ureq::Body>, Failure> {
        let result = match method {
            Method::Put => {
                let mut request = self.agent.put(url).header("Content-Type", "application/n-triples");
                if let Some(a) = authorization {
                    request = request.header("Authorization", a);
                }
                request.send(body)
            }
            Method::Delete => {
                let mut request = self.agent.delete(url);
                if let Some(a) = authorization {
                    request = request.header("Authorization", a);
                }
                request.call()
            }
        };
        result.map_err(transport_failure)
    }

    fn remember(&self, challenge: Challenge) {
        if let Ok(mut slot) = self.challenge.lock() {
            *slot = Some(challenge);
        }
    }

    /// The bearer token, or the answer to the remembered challenge, if any.
    fn authorization(&self, method: Method, url: &str) -> Option<String> {
        if let Some(token) = &self.config.token {
            return Some(format!("Bearer {token}"));
        }
        let user = self.config.user.as_deref()?;
        let password = self.config.password.as_deref().unwrap_or("");
        let mut slot = self.challenge.lock().ok()?;
        match slot.as_mut()? {
            Challenge::Basic => Some(basic_authorization(user, password)),
            Challenge::Digest(prompt) => {
                // The digest covers the request-target exactly as sent: path and query.
                let target = request_target(url);
                let context = AuthContext::new_with_method(user, password, target, None::<&[u8]>, method.digest());
                prompt.respond(&context).ok().map(|h| h.to_header_string())
            }
        }
    }

    fn graph_url(&self, graph: &str) -> String {
        let separator = if self.config.url.contains('?') { '&' } else { '?' };
        format!("{}{separator}{}={}", self.config.url, percent_encode(&self.graph_param), percent_encode(graph))
    }
}

impl RemoteError {
    /// Whether the endpoint refused this graph's content (too large, 413; not
    /// processable, 422) rather than every write: the build names the article
    /// and goes on. A 400 stops it: with valid N-Triples it means the request
    /// itself is wrong for this store (the graph parameter, most often).
    pub fn concerns_this_graph_only(&self) -> bool {
        match self {
            RemoteError::Refused { status, .. } => matches!(status, 413 | 422),
            RemoteError::Serialize { .. } => true,
            RemoteError::BadUrl { .. } | RemoteError::Unavailable { .. } => false,
        }
    }
}

/// `graph-uri` for Virtuoso's SPARQL Graph CRUD endpoints, `graph` (the
/// standard's name) everywhere else.
pub fn default_graph_param(url: &str) -> &'static str {
    let path = url.split(['?', '#']).next().unwrap_or(url).trim_end_matches('/');
    if path.ends_with("/sparql-graph-crud") || path.ends_with("/sparql-graph-crud-auth") {
        "graph-uri"
    } else {
        "graph"
    }
}

fn check_url(url: &str) -> Result<(), RemoteError> {
    let bad = |reason: &str| RemoteError::BadUrl { url: url.to_string(), reason: reason.to_string() };
    let uri: Uri = url.parse().map_err(|e: ureq::http::uri::InvalidUri| bad(&format!("{e}; give an http:// or https:// URL")))?;
    match uri.scheme_str() {
        Some("http" | "https") => {}
        _ => return Err(bad("give an http:// or https:// URL")),
    }
    if uri.host().is_none_or(str::is_empty) {
        return Err(bad("no host"));
    }
    if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
        return Err(bad("put the user in --endpoint-user and the password in NEWSGRAPH_ENDPOINT_PASSWORD, not in the URL"));
    }
    Ok(())
}

/// The path and query of a URL (`/` when it has no path).
fn request_target(url: &str) -> String {
    url.parse::<Uri>().ok().and_then(|u| u.path_and_query().map(|pq| pq.as_str().to_string())).unwrap_or_else(|| "/".to_string())
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn basic_authorization(user: &str, password: &str) -> String {
    use base64::Engine as _;
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}")))
}

/// The strongest challenge we can answer among the response's `WWW-Authenticate`
/// headers; Basic when a 401 names no scheme at all (some servers send none).
fn parse_challenges(response: &Response<ureq::Body>) -> Option<Challenge> {
    let values: Vec<&str> = response.headers().get_all("www-authenticate").iter().filter_map(|v| v.to_str().ok()).collect();
    if values.is_empty() {
        return Some(Challenge::Basic);
    }
    let digest = values.iter().filter(|v| scheme_is(v, "digest")).find_map(|v| digest_auth::parse(v).ok());
    if let Some(prompt) = digest {
        return Some(Challenge::Digest(Box::new(prompt)));
    }
    values.iter().any(|v| scheme_is(v, "basic")).then_some(Challenge::Basic)
}

fn scheme_is(header: &str, scheme: &str) -> bool {
    header.split_whitespace().next().is_some_and(|s| s.eq_ignore_ascii_case(scheme))
}

/// Errors below HTTP (refused connection, reset, timeout, DNS) may pass:
/// the URL itself was checked before any request.
fn transport_failure(error: ureq::Error) -> Failure {
    Failure::Transient(error.to_string())
}

/// 2xx passes; 5xx and 429 may pass later; everything else is a refusal.
fn classify(response: &mut Response<ureq::Body>, method: Method) -> Result<(), Failure> {
    let status = response.status();
    if status.is_success() || (matches!(method, Method::Delete) && status == StatusCode::NOT_FOUND) {
        return Ok(());
    }
    if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS {
        let line = first_body_line(response);
        return Err(Failure::Transient(format!("{}{}", status_line(status.as_u16()), body_suffix(&line))));
    }
    Err(refused(response, hint(status, response)))
}

fn refused(response: &mut Response<ureq::Body>, hint: &'static str) -> Failure {
    let status = response.status().as_u16();
    Failure::Refused(status, first_body_line(response), hint)
}

fn hint(status: StatusCode, response: &Response<ureq::Body>) -> &'static str {
    match status.as_u16() {
        300..=399 if response.headers().contains_key("location") => "the endpoint redirects: use the URL it redirects to",
        400 => "is --graph-param right for this store?",
        403 => "the user may not write this graph",
        404 | 405 => "is this the store's Graph Store Protocol URL? (see README, Past one machine)",
        415 => "the endpoint does not take application/n-triples",
        _ => "",
    }
}

/// `401 Unauthorized`: the code and its standard reason phrase.
fn status_line(status: u16) -> String {
    let reason = StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
    format!("{status} {reason}").trim_end().to_string()
}

/// The first non-blank line of the body, HTML tags removed, at most 200 characters.
fn first_body_line(response: &mut Response<ureq::Body>) -> String {
    let mut bytes = Vec::new();
    let reader = response.body_mut().as_reader();
    if reader.take(ERROR_BODY_LIMIT).read_to_end(&mut bytes).is_err() {
        return String::new();
    }
    let text = String::from_utf8_lossy(&bytes);
    let plain = strip_tags(&text);
    plain.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("").chars().take(200).collect()
}

fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push('\n');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The triples of `quads` as N-Triples (one per line, UTF-8).
fn ntriples(quads: &[Quad]) -> Result<Vec<u8>, std::io::Error> {
    let mut serializer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    for quad in quads {
        serializer.serialize_triple(quad.as_ref())?;
    }
    serializer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal, NamedNode};
    use std::collections::HashMap;
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;
    use std::sync::mpsc;

    /// One request as the server saw it.
    struct Seen {
        line: String,
        headers: HashMap<String, String>,
        body: Vec<u8>,
    }

    /// A tiny HTTP server on loopback answering each connection with the next
    /// scripted response; returns its base URL and what it saw.
    fn serve(responses: Vec<String>) -> (String, mpsc::Receiver<Seen>) {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for response in responses {
                let Ok((stream, _)) = listener.accept() else { return };
                let mut reader = BufReader::new(stream);
                let Some(seen) = read_request(&mut reader) else { return };
                let _ = tx.send(seen);
                let _ = reader.get_mut().write_all(response.as_bytes());
            }
        });
        (url, rx)
    }

    fn read_request(reader: &mut BufReader<std::net::TcpStream>) -> Option<Seen> {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let mut headers = HashMap::new();
        loop {
            let mut header = String::new();
            reader.read_line(&mut header).ok()?;
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            let (name, value) = header.split_once(':')?;
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
        let length: usize = headers.get("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
        let mut body = vec![0; length];
        std::io::Read::read_exact(reader, &mut body).ok()?;
        Some(Seen { line: line.trim_end().to_string(), headers, body })
    }

    fn response(status: &str, extra_headers: &str, body: &str) -> String {
        format!("HTTP/1.1 {status}\r\n{extra_headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
    }

    const GRAPH: &str = "https://w3id.org/newsgraph/article/a%20b.txt";

    fn quads() -> Vec<Quad> {
        let g = NamedNode::new_unchecked(GRAPH);
        let s = NamedNode::new_unchecked("https://w3id.org/newsgraph/entity/person/jane-roe");
        let label = NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
        let text = NamedNode::new_unchecked("https://w3id.org/newsgraph/ontology#text");
        vec![
            Quad::new(s.clone(), label, Literal::new_simple_literal("Jane Roe"), GraphName::NamedNode(g.clone())),
            Quad::new(s, text, Literal::new_simple_literal("“We will,” she said."), GraphName::NamedNode(g)),
        ]
    }

    fn endpoint(url: String, user: Option<&str>, password: Option<&str>) -> Endpoint {
        let mut config = EndpointConfig::new(url);
        config.user = user.map(str::to_string);
        config.password = password.map(str::to_string);
        config.retries = 2;
        config.backoff = Duration::from_millis(1);
        config.timeout = Duration::from_secs(10);
        Endpoint::new(config).expect("valid endpoint")
    }

    fn put(endpoint: &Endpoint) -> Result<(), RemoteError> {
        endpoint.put_graph(NamedNodeRef::new_unchecked(GRAPH), &quads())
    }

    /// `key="value"` and `key=value` pairs of an Authorization header.
    fn auth_fields(header: &str) -> HashMap<String, String> {
        let rest = header.strip_prefix("Digest ").unwrap_or(header);
        let mut fields = HashMap::new();
        let mut rest = rest.trim();
        while let Some((key, tail)) = rest.split_once('=') {
            let (value, tail) = match tail.strip_prefix('"') {
                Some(quoted) => quoted.split_once('"').unwrap_or((quoted, "")),
                None => tail.split_once(',').unwrap_or((tail, "")),
            };
            fields.insert(key.trim().to_string(), value.to_string());
            rest = tail.trim_start_matches([',', ' ']);
        }
        fields
    }

    fn md5(s: &str) -> String {
        digest_auth::Algorithm::new(digest_auth::AlgorithmType::MD5, false).hash(s.as_bytes())
    }

    #[test]
    fn put_sends_ntriples_to_the_graph_url_and_answers_a_digest_challenge() {
        let challenge = "WWW-Authenticate: Digest realm=\"SPARQL\", nonce=\"abc123\", opaque=\"xyz\", qop=\"auth\", algorithm=\"MD5\"\r\n";
        let (url, seen) = serve(vec![response("401 Unauthorized", challenge, ""), response("201 Created", "", "")]);
        let endpoint = endpoint(format!("{url}/sparql-graph-crud-auth"), Some("dba"), Some("s3cret"));
        assert_eq!(endpoint.graph_param(), "graph-uri", "detected from Virtuoso's path");
        put(&endpoint).expect("written after the challenge");

        let first = seen.recv().expect("first request");
        let target = "/sparql-graph-crud-auth?graph-uri=https%3A%2F%2Fw3id.org%2Fnewsgraph%2Farticle%2Fa%2520b.txt";
        assert_eq!(first.line, format!("PUT {target} HTTP/1.1"));
        assert!(!first.headers.contains_key("authorization"), "no credentials before the server asks");
        let second = seen.recv().expect("second request");
        assert_eq!(second.line, first.line);
        assert_eq!(second.headers.get("content-type").map(String::as_str), Some("application/n-triples"));
        let body = String::from_utf8(second.body).expect("UTF-8 body");
        assert_eq!(body.lines().count(), 2, "{body}");
        assert!(body.contains("<https://w3id.org/newsgraph/entity/person/jane-roe> <http://www.w3.org/2000/01/rdf-schema#label> \"Jane Roe\" ."), "{body}");
        assert!(body.contains("“We will,” she said."), "UTF-8 kept as is: {body}");

        let header = second.headers.get("authorization").expect("Authorization answered");
        assert!(header.starts_with("Digest "), "{header}");
        let f = auth_fields(header);
        assert_eq!((f["username"].as_str(), f["realm"].as_str(), f["uri"].as_str(), f["opaque"].as_str()), ("dba", "SPARQL", target, "xyz"));
        let ha1 = md5("dba:SPARQL:s3cret");
        let ha2 = md5(&format!("PUT:{target}"));
        let expected = md5(&format!("{ha1}:abc123:{}:{}:auth:{ha2}", f["nc"], f["cnonce"]));
        assert_eq!(f["response"], expected, "RFC 7616 MD5 response with qop=auth");
    }

    #[test]
    fn later_requests_answer_the_remembered_challenge_up_front() {
        let (url, seen) = serve(vec![
            response("401 Unauthorized", "WWW-Authenticate: Basic realm=\"store\"\r\n", ""),
            response("204 No Content", "", ""),
            response("204 No Content", "", ""),
        ]);
        let endpoint = endpoint(format!("{url}/data"), Some("alice"), Some("pw"));
        put(&endpoint).expect("first graph");
        put(&endpoint).expect("second graph");
        let requests: Vec<Seen> = seen.try_iter().collect();
        assert_eq!(requests.len(), 3, "one challenge, then one request per graph");
        assert_eq!(requests[1].headers.get("authorization").map(String::as_str), Some("Basic YWxpY2U6cHc="));
        assert_eq!(requests[2].headers.get("authorization").map(String::as_str), Some("Basic YWxpY2U6cHc="));
        assert!(requests[1].line.starts_with("PUT /data?graph=https%3A%2F%2F"), "standard graph parameter: {}", requests[1].line);
    }

    #[test]
    fn a_503_is_retried_and_the_graph_written() {
        let (url, seen) = serve(vec![response("503 Service Unavailable", "", "busy"), response("201 Created", "", "")]);
        put(&endpoint(format!("{url}/data"), None, None)).expect("written on the second attempt");
        let requests: Vec<Seen> = seen.try_iter().collect();
        assert_eq!(requests.len(), 2);
        assert_eq!(requests[0].body, requests[1].body, "the retry sends the same graph");
    }

    #[test]
    fn a_403_is_a_clear_error_and_is_not_retried() {
        let (url, seen) =
            serve(vec![response("403 Forbidden", "Content-Type: text/html\r\n", "<html><body>\n<h1>Access denied</h1> for SPARQL_UPDATE\n</body></html>")]);
        let err = put(&endpoint(format!("{url}/data"), None, None)).expect_err("refused");
        let message = err.to_string();
        assert!(message.contains(&format!("{url}/data refused PUT of graph <{GRAPH}>: 403 Forbidden: Access denied")), "{message}");
        assert!(message.contains("may not write"), "{message}");
        assert_eq!(seen.try_iter().count(), 1, "a refusal is not retried");
    }

    #[test]
    fn a_wrong_password_is_named_and_never_printed() {
        let challenge = "WWW-Authenticate: Digest realm=\"SPARQL\", nonce=\"n1\", qop=\"auth\"\r\n";
        let (url, seen) = serve(vec![response("401 Unauthorized", challenge, ""), response("401 Unauthorized", challenge, "")]);
        let endpoint = endpoint(format!("{url}/sparql-graph-crud-auth"), Some("dba"), Some("not-the-password"));
        let err = put(&endpoint).expect_err("refused");
        let message = err.to_string();
        assert!(matches!(err, RemoteError::Refused { .. }), "{message}");
        assert!(message.contains("401 Unauthorized") && message.contains("wrong user or password"), "{message}");
        assert!(!message.contains("not-the-password"), "{message}");
        assert!(!format!("{:?}", endpoint.config).contains("not-the-password"));
        assert_eq!(seen.try_iter().count(), 2, "one answer to the challenge, no retries");
    }

    #[test]
    fn a_token_is_sent_up_front_as_bearer_and_never_printed() {
        let (url, seen) = serve(vec![response("204 No Content", "", ""), response("401 Unauthorized", "", "bad token")]);
        let mut config = EndpointConfig::new(format!("{url}/"));
        config.token = Some("t0ken".to_string());
        config.backoff = Duration::from_millis(1);
        let endpoint = Endpoint::new(config).expect("valid endpoint");
        put(&endpoint).expect("accepted");
        let request = seen.recv().expect("request");
        assert_eq!(request.headers.get("authorization").map(String::as_str), Some("Bearer t0ken"));
        let message = put(&endpoint).expect_err("token refused").to_string();
        assert!(message.contains("401 Unauthorized: bad token") && message.contains("NEWSGRAPH_ENDPOINT_TOKEN"), "{message}");
        assert!(!message.contains("t0ken") && !format!("{:?}", endpoint.config).contains("t0ken"), "{message}");
    }

    #[test]
    fn credentials_asked_for_but_not_given_say_how_to_give_them() {
        let (url, _seen) = serve(vec![response("401 Unauthorized", "WWW-Authenticate: Basic realm=\"x\"\r\n", "")]);
        let message = put(&endpoint(format!("{url}/data"), None, None)).expect_err("refused").to_string();
        assert!(message.contains("--endpoint-user") && message.contains("NEWSGRAPH_ENDPOINT_PASSWORD"), "{message}");
    }

    #[test]
    fn an_endpoint_that_is_down_is_retried_then_reported() {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        let err = put(&endpoint(format!("http://127.0.0.1:{port}/data"), None, None)).expect_err("nothing listens");
        assert!(matches!(err, RemoteError::Unavailable { attempts: 3, .. }), "{err}");
        assert!(err.to_string().contains(&format!("http://127.0.0.1:{port}/data: PUT of graph <{GRAPH}> failed after 3 attempt(s)")), "{err}");
    }

    #[test]
    fn deleting_a_missing_graph_is_no_error() {
        let (url, seen) = serve(vec![response("404 Not Found", "", "")]);
        let endpoint = endpoint(format!("{url}/data?default-options=1"), None, None);
        endpoint.delete_graph(NamedNodeRef::new_unchecked(GRAPH)).expect("nothing to delete is fine");
        let request = seen.recv().expect("request");
        assert!(request.line.starts_with("DELETE /data?default-options=1&graph=https%3A%2F%2F"), "{}", request.line);
    }

    #[test]
    fn unusable_urls_are_refused_before_any_request() {
        for (url, why) in [("ftp://host/data", "http://"), ("localhost:3030/data", "http://"), ("http://u:p@host/data", "--endpoint-user")] {
            let err = Endpoint::new(EndpointConfig::new(url)).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(err.contains(why), "{url}: {err}");
        }
        assert_eq!(default_graph_param("http://h:8890/sparql-graph-crud/"), "graph-uri");
        assert_eq!(default_graph_param("http://h:3030/news/data"), "graph");
    }
}
