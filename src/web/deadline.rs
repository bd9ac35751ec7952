//! A deadline for reading a request's body (`body_timeout_seconds`): a client that sends it
//! too slowly gets 408 and the connection is closed, instead of holding it open for ever.
//! (Headers have their own deadline: actix's client request timeout, set in `startup`.)

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::ConnectionType;
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, web};
use bytes::Bytes;
use futures_util::Stream;

use crate::web::AppState;

/// Marks a request whose body did not arrive in time (read by `close_after_timeout`).
#[derive(Clone, Copy, Debug)]
struct BodyTimedOut;

/// The request body, cut off with an error once the deadline has passed.
struct Deadline {
    inner: Payload,
    sleep: Pin<Box<tokio::time::Sleep>>,
    expired: Rc<Cell<bool>>,
}

impl Stream for Deadline {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.expired.get() || this.sleep.as_mut().poll(cx).is_ready() {
            this.expired.set(true);
            let late = std::io::Error::new(std::io::ErrorKind::TimedOut, "the request body took too long");
            return Poll::Ready(Some(Err(PayloadError::Io(late))));
        }
        Pin::new(&mut this.inner).poll_next(cx)
    }
}

/// Gives the body `body_timeout_seconds` from the end of the headers; when it runs out the
/// answer is 408 (the error page renders it) whatever the handler made of the cut-off body.
pub async fn body_deadline(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let payload = req.take_payload();
    if matches!(payload, Payload::None) {
        return next.call(req).await.map(ServiceResponse::map_into_left_body);
    }
    let seconds = req.app_data::<web::Data<AppState>>().map_or(15, |s| s.settings().body_timeout_seconds);
    let expired = Rc::new(Cell::new(false));
    let sleep = Box::pin(tokio::time::sleep(Duration::from_secs(seconds.into())));
    let stream: Pin<Box<dyn Stream<Item = Result<Bytes, PayloadError>>>> =
        Box::pin(Deadline { inner: payload, sleep, expired: expired.clone() });
    req.set_payload(Payload::from(stream));
    let result = next.call(req).await;
    if !expired.get() {
        return result.map(ServiceResponse::map_into_left_body);
    }
    tracing::info!("a request body took too long to arrive: 408");
    match result {
        Ok(res) => {
            res.request().extensions_mut().insert(BodyTimedOut);
            let (req, _) = res.into_parts();
            Ok(ServiceResponse::new(req, HttpResponse::RequestTimeout().finish()).map_into_right_body())
        }
        // A middleware that failed on the cut-off body instead of answering: still a 408.
        Err(_) => Err(actix_web::error::ErrorRequestTimeout("the request body took too long")),
    }
}

/// Closes the connection after a 408 from `body_deadline`: the rest of a late body is not read.
/// Runs outside the error pages, which build a new response.
pub async fn close_after_timeout(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut res = next.call(req).await?;
    if res.request().extensions().get::<BodyTimedOut>().is_some() {
        res.response_mut().head_mut().set_connection_type(ConnectionType::Close);
    }
    Ok(res)
}
