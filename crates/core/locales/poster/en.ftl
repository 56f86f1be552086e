# The counter poster's texts (the collector's poster.html); no bundle carries them.
poster-title = Rate this service
poster-scan = Scan the code with your phone's camera and rate this service in a few taps.
poster-anonymous = Anonymous: no name, no phone number, nothing that identifies you is recorded.
poster-call = No smartphone? Call {phone}.
poster-helper = Staff at the counter can help you rate.
poster-qr-label = QR code: {address}
poster-unknown-service = There is no poster for “{id}”. Posters exist for: {list}.
