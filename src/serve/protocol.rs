//! The SPARQL 1.1 Protocol's request forms (W3C, §2.1 and §2.2), read into
//! the text of the operation and its dataset: query via GET, via URL-encoded
//! POST and via POST of `application/sparql-query`; update via URL-encoded
//! POST and via POST of `application/sparql-update`.

use super::error::ApiError;
use axum::http::Method;
use oxigraph::model::NamedNode;

/// A query or update as the client sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operation {
    /// The SPARQL text.
    pub text: String,
    /// `default-graph-uri` parameters.
    pub default_graphs: Vec<NamedNode>,
    /// `named-graph-uri` parameters.
    pub named_graphs: Vec<NamedNode>,
}

/// The names one kind of operation uses in the protocol.
struct Form {
    /// The parameter holding the text (`query` or `update`).
    param: &'static str,
    /// The media type of a POST whose body is the text itself.
    direct: &'static str,
    /// Whether GET is allowed (queries only: an update changes the store).
    get: bool,
}

const QUERY: Form = Form {
    param: "query",
    direct: "application/sparql-query",
    get: true,
};
const UPDATE: Form = Form {
    param: "update",
    direct: "application/sparql-update",
    get: false,
};
const FORM_URLENCODED: &str = "application/x-www-form-urlencoded";

/// The request to `/query`, as an [`Operation`].
pub fn read_query(
    method: &Method,
    content_type: Option<&str>,
    url_query: Option<&str>,
    body: &[u8],
) -> Result<Operation, ApiError> {
    read(&QUERY, method, content_type, url_query, body)
}

/// The request to `/update`, as an [`Operation`] (its graph lists stay empty:
/// `using-graph-uri` is refused, the update's own `USING` does the same).
pub fn read_update(
    method: &Method,
    content_type: Option<&str>,
    url_query: Option<&str>,
    body: &[u8],
) -> Result<Operation, ApiError> {
    read(&UPDATE, method, content_type, url_query, body)
}

fn read(
    form: &Form,
    method: &Method,
    content_type: Option<&str>,
    url_query: Option<&str>,
    body: &[u8],
) -> Result<Operation, ApiError> {
    let url_params = params(url_query.unwrap_or("").as_bytes());
    if *method == Method::GET && form.get {
        return operation(form, &url_params);
    }
    if *method != Method::POST {
        let allow = if form.get { "GET, POST" } else { "POST" };
        return Err(ApiError::MethodNotAllowed {
            method: method.to_string(),
            allow,
        });
    }
    let essence = content_type.map(|c| {
        c.split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase()
    });
    match essence.as_deref() {
        Some(t) if t == FORM_URLENCODED => operation(form, &params(body)),
        Some(t) if t == form.direct => {
            let text = std::str::from_utf8(body).map_err(|_| {
                ApiError::BadRequest(format!("the {} body is not UTF-8", form.direct))
            })?;
            let mut op = operation_text(form, text.to_string())?;
            (op.default_graphs, op.named_graphs) = graphs(form, &url_params)?;
            Ok(op)
        }
        other => Err(ApiError::UnsupportedMediaType(
            other.unwrap_or("(none)").to_string(),
            if form.get {
                "POST a query as application/sparql-query or application/x-www-form-urlencoded (query=...)"
            } else {
                "POST an update as application/sparql-update or application/x-www-form-urlencoded (update=...)"
            },
        )),
    }
}

/// Decoded `name=value` pairs of a query string or URL-encoded body.
fn params(bytes: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(bytes)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn operation(form: &Form, params: &[(String, String)]) -> Result<Operation, ApiError> {
    let mut texts = params
        .iter()
        .filter(|(k, _)| k == form.param)
        .map(|(_, v)| v);
    let text = match (texts.next(), texts.next()) {
        (Some(t), None) => t.clone(),
        (None, _) => {
            return Err(ApiError::BadRequest(format!(
                "missing the {0} parameter: send ?{0}=<SPARQL> (URL-encoded)",
                form.param
            )))
        }
        (Some(_), Some(_)) => {
            return Err(ApiError::BadRequest(format!(
                "more than one {} parameter",
                form.param
            )))
        }
    };
    let mut op = operation_text(form, text)?;
    (op.default_graphs, op.named_graphs) = graphs(form, params)?;
    Ok(op)
}

fn operation_text(form: &Form, text: String) -> Result<Operation, ApiError> {
    if text.trim().is_empty() {
        return Err(ApiError::BadRequest(format!("the {} is empty", form.param)));
    }
    Ok(Operation {
        text,
        default_graphs: Vec::new(),
        named_graphs: Vec::new(),
    })
}

/// The dataset parameters: `default-graph-uri` and `named-graph-uri` for a
/// query; for an update, `using-graph-uri` and `using-named-graph-uri` are refused.
fn graphs(
    form: &Form,
    params: &[(String, String)],
) -> Result<(Vec<NamedNode>, Vec<NamedNode>), ApiError> {
    if !form.get {
        if let Some((name, _)) = params.iter().find(|(k, _)| k.starts_with("using-")) {
            return Err(ApiError::BadRequest(format!(
                "{name} is not supported: write USING / USING NAMED in the update"
            )));
        }
        return Ok((Vec::new(), Vec::new()));
    }
    Ok((
        iris(params, "default-graph-uri")?,
        iris(params, "named-graph-uri")?,
    ))
}

fn iris(params: &[(String, String)], name: &str) -> Result<Vec<NamedNode>, ApiError> {
    params
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| {
            NamedNode::new(v.as_str())
                .map_err(|e| ApiError::BadRequest(format!("{name}={v}: not an IRI ({e})")))
        })
        .collect()
}

/// The graph a Graph Store Protocol GET names: `graph=<IRI>`, or
/// `article=<file name>` for the graph of the article read from that file.
pub fn read_graph(url_query: Option<&str>) -> Result<NamedNode, ApiError> {
    let params = params(url_query.unwrap_or("").as_bytes());
    let find = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let iri = match (find("graph"), find("article")) {
        (Some(graph), None) => graph.to_string(),
        (None, Some(file)) => crate::vocab::article_iri(file),
        (Some(_), Some(_)) => return Err(ApiError::BadRequest("give graph= or article=, not both".into())),
        (None, None) if find("default").is_some() => {
            return Err(ApiError::BadRequest("every article is its own named graph and the default graph is empty: give ?graph=<IRI> or ?article=<file name>".into()))
        }
        (None, None) => return Err(ApiError::BadRequest("give ?graph=<IRI> or ?article=<file name>".into())),
    };
    NamedNode::new(iri.as_str())
        .map_err(|e| ApiError::BadRequest(format!("graph {iri}: not an IRI ({e})")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q: &str = "SELECT * WHERE { ?s ?p ?o }";

    #[test]
    fn the_three_query_forms_read_the_same_query() {
        let get = read_query(
            &Method::GET,
            None,
            Some("query=SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"),
            b"",
        )
        .unwrap();
        let form = read_query(
            &Method::POST,
            Some(FORM_URLENCODED),
            None,
            b"query=SELECT+*+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D",
        )
        .unwrap();
        let direct = read_query(
            &Method::POST,
            Some("application/sparql-query; charset=utf-8"),
            None,
            Q.as_bytes(),
        )
        .unwrap();
        assert_eq!(get.text, Q);
        assert_eq!(form, get);
        assert_eq!(direct, get);
    }

    #[test]
    fn dataset_parameters_become_graphs() {
        let url = "query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fex.org%2Fa&named-graph-uri=http%3A%2F%2Fex.org%2Fb";
        let op = read_query(&Method::GET, None, Some(url), b"").unwrap();
        assert_eq!(
            op.default_graphs,
            vec![NamedNode::new("http://ex.org/a").unwrap()]
        );
        assert_eq!(
            op.named_graphs,
            vec![NamedNode::new("http://ex.org/b").unwrap()]
        );
        let bad = read_query(
            &Method::GET,
            None,
            Some("query=ASK%7B%7D&default-graph-uri=not%20an%20iri"),
            b"",
        );
        assert!(matches!(bad, Err(ApiError::BadRequest(_))));
    }

    #[test]
    fn missing_repeated_or_empty_query_is_a_bad_request() {
        for url in [
            "",
            "other=1",
            "query=ASK%7B%7D&query=ASK%7B%7D",
            "query=%20",
        ] {
            let r = read_query(&Method::GET, None, Some(url), b"");
            assert!(matches!(r, Err(ApiError::BadRequest(_))), "{url}: {r:?}");
        }
    }

    #[test]
    fn wrong_method_and_wrong_body_type_are_refused() {
        assert!(matches!(
            read_query(&Method::PUT, None, None, b""),
            Err(ApiError::MethodNotAllowed { .. })
        ));
        assert!(matches!(
            read_update(&Method::GET, None, Some("update=CLEAR%20ALL"), b""),
            Err(ApiError::MethodNotAllowed { .. })
        ));
        assert!(matches!(
            read_query(&Method::POST, Some("text/plain"), None, Q.as_bytes()),
            Err(ApiError::UnsupportedMediaType(..))
        ));
        assert!(matches!(
            read_query(&Method::POST, None, None, Q.as_bytes()),
            Err(ApiError::UnsupportedMediaType(..))
        ));
    }

    #[test]
    fn a_graph_is_named_by_iri_or_by_article_file() {
        let by_iri = read_graph(Some(
            "graph=https%3A%2F%2Fw3id.org%2Fnewsgraph%2Farticle%2Fa.txt",
        ))
        .unwrap();
        assert_eq!(by_iri, read_graph(Some("article=a.txt")).unwrap());
        assert_eq!(by_iri.as_str(), crate::vocab::article_iri("a.txt"));
        for bad in [
            None,
            Some("default"),
            Some("graph=x&article=a.txt"),
            Some("graph=not%20an%20iri"),
        ] {
            assert!(
                matches!(read_graph(bad), Err(ApiError::BadRequest(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn updates_read_both_post_forms() {
        let direct = read_update(
            &Method::POST,
            Some("application/sparql-update"),
            None,
            b"CLEAR ALL",
        )
        .unwrap();
        let form = read_update(
            &Method::POST,
            Some(FORM_URLENCODED),
            None,
            b"update=CLEAR+ALL",
        )
        .unwrap();
        assert_eq!(direct, form);
        let using = read_update(
            &Method::POST,
            Some(FORM_URLENCODED),
            None,
            b"update=CLEAR+ALL&using-graph-uri=http%3A%2F%2Fex.org%2F",
        );
        assert!(matches!(using, Err(ApiError::BadRequest(_))));
    }
}
