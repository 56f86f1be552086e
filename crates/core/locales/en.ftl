# English. Keys are listed in crates/core/src/messages.rs; every catalogue has every key.
@name = English
@aliases = en-US en-GB
@speech = en

widget-title = Rate a city service
choose-service = Which service did you use?
service-transport = Transport
service-healthcare = Healthcare
service-education = Education
service-social-security = Social security
service-government = Government services
service-employment = Employment

question-good-bad-5 = How satisfied are you with this service?
good-bad-5-level-5 = Very satisfied
good-bad-5-level-4 = Satisfied
good-bad-5-level-3 = Basically satisfied
good-bad-5-level-2 = Dissatisfied
good-bad-5-level-1 = Very dissatisfied

question-uk-csat-5 = Overall, how did you feel about the service you received today?
uk-csat-5-level-5 = Very satisfied
uk-csat-5-level-4 = Satisfied
uk-csat-5-level-3 = Neither satisfied or dissatisfied
uk-csat-5-level-2 = Dissatisfied
uk-csat-5-level-1 = Very dissatisfied

question-a11-v2 = This interaction increased my confidence in this service.
a11-v2-level-5 = Strongly agree
a11-v2-level-4 = Agree
a11-v2-level-3 = Neither agree nor disagree
a11-v2-level-2 = Disagree
a11-v2-level-1 = Strongly disagree

display-controls = Text size and contrast
text-size-0 = Standard text
text-size-1 = Larger text
text-size-2 = Largest text
high-contrast = High contrast
read-aloud = Read aloud

what-went-wrong = What went wrong? (optional)
what-went-well = What went well? (optional)
what-did-not-go-well = What didn't go so well? (optional)
aspect-too-slow = It took too long
aspect-too-complicated = It was too complicated
aspect-unclear-information = The information was unclear
aspect-problem-not-solved = My problem was not solved
aspect-staff-attitude = Staff attitude
aspect-technical-fault = The system did not work
aspect-effectiveness = My need was met
aspect-ease = It was easy
aspect-efficiency = It was quick
aspect-transparency = I knew what to expect
aspect-humanity = I was treated with respect
aspect-employee = Staff were helpful
comment-label = Anything else you want to tell us? (optional)
privacy-note = This is anonymous. Do not write your name, phone number or ID number: we remove phone numbers, e-mail addresses, ID numbers, licence plates and card numbers before sending.
redaction-preview = This is what will be sent:

send = Send rating
sending = Sending…
sent = Thank you. Your rating was sent.
send-failed = Your rating could not be sent. Please try again.
choose-rating-first = Choose an answer before sending.
rate-another = Rate another service
error-prefix = Error:

config-missing-endpoint = This feedback form is not set up: the page must give an endpoint address.
config-malformed-endpoint = This feedback form is not set up: “{value}” is not a web address. Use an address starting with https:// or a path starting with /.
config-unknown-service = This feedback form is not set up: there is no service called “{id}”. Use transport, healthcare, education, social-security, government or employment, or give its name in service-labels.
config-malformed-service-labels = This feedback form is not set up: service-labels must be JSON such as {"bus-42": {"en": "Bus line 42"}} ({detail}).
config-unknown-scale = This feedback form is not set up: there is no rating scale called “{id}”. Use good-bad-5, uk-csat-5 or a11-v2.
config-unknown-language = This feedback form is not set up: language “{tag}” is not available. Use zh-Hans, zh-Hant or en.
config-unknown-theme = This feedback form is not set up: there is no theme called “{name}”. Use light, dark or auto.
config-malformed-receipt-page = This feedback form is not set up: receipt-page “{value}” is not a web address. Use an address starting with https:// or a path starting with /.
receipt-note = Your reference number is {code}. Keep it: bad reviews are followed up within 15 working days, and this number lets you see what happens, without giving your name.
receipt-link = See what happens with your feedback
config-bad-number = This feedback form is not set up: {attribute} must be a whole number from {min} to {max}, not “{value}”.
config-malformed-headers = This feedback form is not set up: headers must be JSON such as {"X-Api-Key": "…"} ({detail}).
config-malformed-field-map = This feedback form is not set up: field-map must be JSON such as {"score": "rating"} ({detail}).
saved-offline = Thank you. Your rating is saved on this phone and will be sent when you are online.
send-rejected = The receiving service did not accept this rating (code {status}). It is kept on this phone; you can discard it below.
queue-full = This phone already holds {count} ratings waiting to be sent. Send them or discard them below, then try again.
queue-waiting = Ratings waiting on this phone to be sent: {count}
queue-refused = Ratings the receiving service did not accept: {count}. They stay on this phone until you discard them.
queue-all-sent = All ratings waiting on this phone have been sent.
send-now = Send now
discard = Discard
discard-confirm = Discard {count} ratings from this phone? They will never be sent.
discard-yes = Yes, discard them
discard-no = No, keep them
already-rated = You have already rated this service on this phone. Thank you. You can rate it again after {time}.
honeypot-label = Leave this field empty
part-missing = Reading aloud, text size and the other tools could not load. You can still rate and send.
comment-missing = The comment box could not load. You can still send your rating.
config-screen-missing = This feedback form is not set up correctly, and the list of what to fix could not load.
