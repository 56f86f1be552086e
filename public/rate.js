// The page a counter poster's QR code opens (rate.html?service=transport): the widget for that
// one service. The element is made here, with its services already set, so it renders once. An
// id the widget does not know gets the widget's own message, in the resident's language.
const service = new URLSearchParams(location.search).get('service');
const widget = document.createElement('civic-feedback');
widget.setAttribute('endpoint', '/v1/ratings');
widget.setAttribute('receipt-page', '/receipt.html');
widget.setAttribute('phone', '12345');
if (service) widget.setAttribute('services', service);
document.getElementById('rate-main').append(widget);
