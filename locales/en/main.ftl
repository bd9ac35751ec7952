# UI strings for English. Every key here must exist in every other language (a test checks).

language-name = English
site-name = Homeward
site-tagline = Guidance for people returning home

## Page frame
skip-link = Skip to main content
quick-exit = Leave this site quickly
quick-exit-hint = Opens a neutral website. Your browser history will still show this site.
language-switcher-label = Choose a language
language-current = (current language)
footer-privacy = Privacy notice
footer-free = This service is free of charge. Our staff will never ask you for money, for your passwords, or to meet in private. Official messages from us only come from this website's address.
footer-sample = This is sample text. The organisation running this service will replace it.

## Home page
home-title = Information for people returning home
home-lead = Practical guidance on documents, housing, work, health care and the law, in your language. You can read everything without giving your name.
home-sample-notice = This site shows sample content. The organisation running it will replace it with its own guidance.
home-ask-heading = Ask a question
home-ask-body = If you cannot find what you need, you can ask a caseworker. You do not have to give your name.

## Privacy notice
privacy-title = Privacy notice
privacy-lead = This notice explains what this service stores about you, for how long, and who can see it.
privacy-reading-heading = When you read pages
privacy-reading-body = We do not set cookies, use analytics or load anything from other websites. We do not store your IP address with anything you read.
privacy-asking-heading = When you ask a question
privacy-asking-body = We store your question and any contact details you choose to give. They are encrypted. Only caseworkers who answer questions can read them, and every time they open a question it is recorded.
privacy-keeping-heading = How long we keep it
privacy-keeping-body = We delete questions and contact details after a set period once your question is closed. You can ask us to delete them sooner.
privacy-rights-heading = Your choices
privacy-rights-body = You do not have to give your name, email address or phone number. You can ask us for a copy of what we hold about you, or ask us to delete it.

## Error pages
error-back-home = Go to the home page
error-request-id = If you contact us about this, quote this reference: { $id }
error-400-title = Something in the request was not right
error-400-body = Check the web address or the form and try again.
error-403-title = You cannot open this page
error-403-body = You may need to sign in, or your account may not have access to this page.
error-404-title = Page not found
error-404-body = If you typed the web address, check it is correct. If you pasted the web address, check you copied the whole address.
error-405-title = This page cannot be used like that
error-405-body = Go back and try again.
error-413-title = What you sent is too large
error-413-body = Make it shorter and try again.
error-429-title = Too many attempts
error-429-body = Wait a few minutes and try again.
error-500-title = Sorry, there is a problem with the service
error-500-body = Try again later.
error-503-title = Sorry, the service is unavailable
error-503-body = Try again later.
error-language-title = This language is not available
error-language-body = This service is available in these languages:

## Forms
error-prefix = Error
error-summary-title = There is a problem
button-continue = Continue

## Creating a staff account (first administrator or invitation)
setup-title-first = Create the first administrator account
setup-lead-first = This account will be able to manage staff, content and settings, and to answer questions. Use an email address only you can read.
setup-title-invite = Create your staff account
setup-lead-invite = Choose a password for your account.
setup-email-label = Email address
setup-email-hint = You will use this to sign in.
setup-password-label = Password
setup-password-hint = At least 12 characters. A few unrelated words are easy to remember and hard to guess.
setup-confirm-label = Type the password again
setup-submit = Create account
setup-invalid-title = This link cannot be used
setup-invalid-body = The link has expired, has already been used, or was not copied in full.
setup-invalid-help = Ask an administrator for a new link. If you are setting up the service, restart it to get a new link for the first account.
setup-done-title = Your account has been created
setup-done-body = You can now sign in with your email address and password.
setup-error-email-empty = Enter your email address
setup-error-email-invalid = Enter an email address in the correct format, like name@example.org
setup-error-email-taken = There is already an account with this email address
setup-error-password-short = The password must be at least 12 characters
setup-error-password-long = The password must be 256 characters or fewer
setup-error-password-mismatch = The two passwords are not the same

## Dates: { $day } { $month } { $year }, month names as they appear in a date
date-format = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Public guidance pages
nav-home = Home
breadcrumbs-label = Breadcrumb
topics-heading = Topics
recent-heading = Recent updates
recent-empty = There are no updates yet.
search-label = Search the guidance
search-button = Search
search-title = Search
search-results-count = { $count ->
    [one] 1 guide matches “{ $query }”
   *[other] { $count } guides match “{ $query }”
}
search-no-results = No guides match “{ $query }”.
search-no-results-help = Check the spelling, try fewer or other words, or browse the topics on the home page.
search-empty = Enter a word to search for, for example “passport”.
search-shortened = Your search was long, so only its first words were used.
topic-guides-heading = Guides
topic-empty = There are no guides in this topic yet.
guide-last-updated = Last updated: { $date }
guide-what-changed = What changed: { $note }
guide-contents = Contents
guide-related = Related guides
guide-fallback-notice = This guide is not yet available in your language, so it is shown in { $language }.
guide-outdated-notice = This translation may be out of date. The { $language } version has changed since it was translated.
guide-in-language = Read in { $language }
feedback-heading = Was this page useful?
feedback-yes = Yes
feedback-no = No
feedback-comment-label = How could we improve this page? (optional)
feedback-comment-hint = Do not write your name, contact details or anything personal. We cannot reply to feedback. To ask a caseworker, use the question form.
feedback-submit = Send feedback
feedback-thanks-title = Thank you for your feedback
feedback-thanks-body = Your feedback helps us improve this guidance.
feedback-back = Back to “{ $title }”
feedback-error-choice = Select yes if this page was useful, or no if it was not
feedback-error-comment-long = Your comment must be 1,000 characters or fewer
feedback-error-expired = This form was open too long. Please send your feedback again.
feed-title = Homeward – updates
feed-link = Updates as a feed (Atom)

## Emails
email-greeting = Hello,
email-ack-subject = We have received your question
email-ack-body = Thank you for writing to us. A caseworker will read your question and answer it as soon as they can, usually within a few working days.
email-ack-check = You can read answers and write to us again on this page, with the receipt code you were given when you sent your question:
email-never-code = For your safety this email does not contain your receipt code. We will never ask you for it by email or phone.
email-free-notice = This service is free of charge. We will never ask you for money or passwords.
email-reply-subject = There is an answer to your question
email-reply-body = A caseworker has answered your question. To read the answer, open this page and enter your receipt code:
email-staff-subject = New question
email-staff-body = A new question has arrived. Open it in the staff area to read it.
email-staff-reference = Reference
email-staff-topic = Topic
email-staff-language = Language of the answer
email-staff-open = Open the question
email-staff-no-topic = Something else
email-staff-team = Team
email-staff-handover-subject = Question handed over to your team
email-staff-handover-body = A question has been handed over to your team. Open it in the staff area to read it.

## Asking a question
contact-link = Ask a question
contact-title = Ask a question
contact-lead = A caseworker will read your question and answer it. You do not have to give your name or contact details.
contact-topic-label = What is your question about?
contact-topic-other = Something else
contact-region-label = Which region is your question about? (optional)
contact-region-hint = This helps us pass your question to the team that knows the local offices.
contact-region-none = Not sure, or I prefer not to say
contact-message-label = Your question
contact-message-hint = Describe your situation in your own words. Do not include passwords or bank details.
contact-lang-label = Which language should we answer in?
contact-method-legend = How should we answer you?
contact-method-email = By email
contact-method-phone = By phone
contact-method-receipt = I will check back on this website with my receipt code
contact-method-receipt-hint = We do not need any contact details for this.
contact-details-heading = Your details (optional)
contact-details-hint = Give only what we need to answer you. If you chose email or phone, we need that address or number.
contact-name-label = Name (optional)
contact-email-label = Email address (optional)
contact-phone-label = Phone number (optional)
contact-consent-label = I have read the privacy notice and agree that my question is stored as it explains.
contact-consent-link = Read the privacy notice
contact-submit = Send your question
contact-error-topic = Choose a topic from the list
contact-error-region = Choose a region from the list, or "Not sure"
contact-error-message-empty = Enter your question
contact-error-message-long = Your question must be 5,000 characters or fewer
contact-error-lang = Choose a language for the answer
contact-error-method = Choose how we should answer you
contact-error-name-long = Your name must be 100 characters or fewer
contact-error-email-invalid = Enter an email address in the correct format, like name@example.org
contact-error-email-needed = Enter your email address, or choose another way for us to answer
contact-error-phone-invalid = Enter a phone number using digits, spaces and + ( ) - only
contact-error-phone-needed = Enter your phone number, or choose another way for us to answer
contact-error-consent = Tick the box to agree that your question is stored
contact-error-expired = This form was open too long or sent too quickly. Check your question and send it again.
contact-error-reused = This form was already used for another question. Check your question and send it again.
sent-title = Your question has been sent
sent-code-label = Your receipt code
sent-code-hint = Write this code down or print this page. You need it to read our answer. We cannot show it to you again, and we will never ask you for it.
sent-next-heading = What happens next
sent-next-email = We will send you an email when there is an answer. The email will not contain your question or your code.
sent-next-phone = A caseworker will call you.
sent-next-receipt = Come back to this website and enter your receipt code to read the answer.
sent-status-link = Check your question
status-title = Check your question
status-lead = Enter the receipt code you were given when you sent your question.
status-code-label = Receipt code
status-code-hint = For example, K7QM-4XPD-9TBW-2HNC
status-submit = Show my question
status-not-found = We could not find a question with this code. Check that you typed it exactly as it was shown.
status-heading = Your question
status-handled-by = Being handled by
status-state-label = Status
status-new = Received
status-in_progress = Being handled
status-answered = Answered
status-closed = Closed
status-you = You wrote
status-caseworker = Caseworker
status-followup-label = Write to us again
status-followup-hint = Add information or ask a further question about the same matter.
status-followup-submit = Send message
status-followup-sent = Your message has been sent.
status-error-followup-empty = Enter a message
status-error-followup-long = Your message must be 5,000 characters or fewer

## Staff area: signing in
staff-nav-label = Staff menu
staff-nav-queue = Inquiries
staff-nav-replies = Canned replies
staff-nav-users = Staff accounts
staff-nav-teams = Teams
staff-nav-audit = Audit log
staff-nav-account = Your account
staff-sign-out = Sign out
staff-login-title = Sign in to Homeward staff
staff-login-lead = This area is for caseworkers, editors and administrators.
staff-login-submit = Sign in
staff-login-forgot = Forgotten your password?
staff-signed-out = You have been signed out.
staff-sign-in-needed = Sign in to continue. If you were signed in before, your session ended after a period without activity.
staff-error-email-empty = Enter your email address
staff-error-password-empty = Enter your password
staff-error-credentials = The email address or password is not right
staff-error-throttled = Too many failed attempts. For your security, wait 15 minutes before trying again.
staff-code-title = Enter your security code
staff-code-label = Security code
staff-code-hint = The 6-digit code from your authenticator app, or one of your recovery codes.
staff-code-submit = Continue
staff-code-cancel = Cancel and sign out
staff-error-code = The code is not right, or it was already used. Enter the current code from your app.
staff-back-to-login = Back to sign in
staff-back-to-start = Go to the start of the staff area
staff-refused-origin-title = This form was not sent from this website
staff-refused-origin-body = For your security, staff forms are only accepted from this website's own pages. Go back, reload the page and try again.
staff-refused-csrf-title = This form has expired
staff-refused-csrf-body = The page was open too long or you signed in again in the meantime. Go back, reload the page and try again. Copy anything you typed first.
staff-reset-title = Reset your password
staff-reset-lead = Enter the email address of your staff account. If it has an account, we will email it a link to choose a new password.
staff-reset-submit = Send the link
staff-reset-sent-title = Check your email
staff-reset-sent-body = If this address belongs to a staff account, we have sent it a link to choose a new password. The link works for one hour and only once.
staff-reset-sent-help = If no email arrives within a few minutes, check your spam folder or ask an administrator.
staff-reset-invalid-title = This link cannot be used
staff-reset-invalid-body = The link has expired or was already used. Ask for a new one from the sign-in page.
staff-new-password-title = Choose a new password
staff-new-password-label = New password
staff-new-password-submit = Save the new password
staff-reset-done-title = Your password has been changed
staff-reset-done-body = You have been signed out everywhere. Sign in with your new password.
staff-error-password-common = This password is too common or too easy to guess. Choose a longer phrase that is not used elsewhere.

## Staff area: account
staff-account-title = Your account
staff-account-roles = Roles
staff-role-caseworker = Caseworker
staff-role-editor = Editor
staff-role-admin = Administrator
staff-account-language = Language
staff-account-language-label = Language of the staff pages and your emails
staff-save = Save
staff-done-language = Your language has been saved.
staff-account-password = Password
staff-current-password-label = Current password
staff-password-change-hint = After the change you will be signed out everywhere and sign in again with the new password.
staff-password-change = Change password
staff-done-password = Your password has been changed.
staff-error-current-password = The current password is not right
staff-account-2fa = Two-step sign-in
staff-2fa-on = Two-step sign-in is on
staff-2fa-off = Two-step sign-in is off. Turn it on so that a stolen password alone cannot open your account.
staff-2fa-enable = Set up two-step sign-in
staff-2fa-codes-left = { $count ->
    [one] You have 1 unused recovery code.
   *[other] You have { $count } unused recovery codes.
}
staff-2fa-disable-label = To turn two-step sign-in off, enter a current code
staff-2fa-disable = Turn off two-step sign-in
staff-2fa-required-hint = Administrators must use two-step sign-in on this service.
staff-error-2fa-required = Administrators must keep two-step sign-in on
staff-done-2fa-off = Two-step sign-in has been turned off.
staff-2fa-setup-title = Set up two-step sign-in
staff-2fa-required = Administrators must use two-step sign-in. Set it up to continue.
staff-2fa-step-app = Install an authenticator app on your phone, if you do not have one.
staff-2fa-step-scan = Scan this code with the app.
staff-2fa-qr-label = QR code to add Homeward to your authenticator app
staff-2fa-step-type = If you cannot scan it, type this key into the app:
staff-2fa-step-code = Enter the 6-digit code the app shows.
staff-2fa-confirm = Turn on two-step sign-in
staff-recovery-title = Two-step sign-in is on
staff-recovery-lead = Keep these recovery codes somewhere safe, away from your phone. Each one lets you sign in once if you lose your phone.
staff-recovery-once = This is the only time these codes are shown.
staff-continue = Continue
staff-account-sessions = Where you are signed in
staff-session-started = Signed in
staff-session-last-seen = Last active
staff-session-this = This browser
staff-sign-out-everywhere = Sign out everywhere
staff-done-sessions = You have been signed out everywhere else.

## Staff area: inquiries
staff-queue-title = Inquiries
staff-filters = Filter inquiries
staff-filter-open = Open (not closed)
staff-filter-all = All
staff-filter-any = Any
staff-filter-anyone = Anyone
staff-filter-mine = Assigned to me
staff-filter-unassigned = Not assigned
staff-filter-overdue = Only overdue
staff-filter-apply = Apply filters
staff-queue-count = { $count ->
    [one] 1 inquiry
   *[other] { $count } inquiries
}
staff-queue-empty = No inquiries match these filters.
staff-export-csv = Download as CSV (no personal data)
staff-col-reference = Reference
staff-col-status = Status
staff-col-topic = Topic
staff-col-language = Language
staff-col-assignee = Assigned to
staff-col-age = Age
staff-status-new = New
staff-status-in_progress = In progress
staff-status-answered = Answered
staff-status-closed = Closed
staff-age-days = { $count ->
    [0] today
    [one] 1 day
   *[other] { $count } days
}
staff-late-acknowledge = Not taken up in time
staff-late-answer = Answer overdue
staff-overdue = Overdue
staff-unassigned = Not assigned
staff-col-team = Team
staff-col-region = Region
staff-no-team = No team
staff-filter-any-team = Any team
staff-filter-my-teams = My teams
staff-filter-no-team = No team
staff-handover-label = Team
staff-handover-hint = Hand the question to another team if it can answer better. The team is emailed; the question stays in the shared queue.
staff-handover = Hand over
staff-done-team = The question is now with the team you chose.
staff-topic-none = No topic
staff-pages = Pages
staff-page-previous = Previous page
staff-page-next = Next page
staff-page-of = Page { $page }
staff-safeguarding-tag = Safeguarding
staff-back-to-queue = Back to inquiries
staff-case-title = Inquiry { $reference }
staff-safeguarding-raised = This inquiry is flagged for safeguarding. The protection lead has been told.
staff-answer-language = Answer in
staff-contact-method = Wants an answer by
staff-method-email = Email
staff-method-phone = Phone
staff-method-receipt = Checking back with the receipt code
staff-contact-name = Name
staff-contact-email = Email
staff-contact-phone = Phone
staff-thread = Messages
staff-from-inquirer = Inquirer
staff-from-staff = Caseworker
staff-reply-title = Reply
staff-canned-label = Start from a canned reply
staff-canned-use = Use this reply
staff-reply-label = Your reply (in { $language })
staff-reply-hint-email = The inquirer reads your reply on the status page and gets an email saying there is an answer. The email does not contain your reply.
staff-reply-hint-status = The inquirer reads your reply on the status page with their receipt code.
staff-reply-send = Send reply
staff-error-reply-empty = Enter a reply
staff-error-text-long = The text must be 20,000 characters or fewer
staff-done-reply = Your reply has been sent.
staff-notes = Internal notes
staff-notes-hint = Notes are for staff only. The inquirer never sees them.
staff-note-label = New note
staff-note-add = Add note
staff-error-note-empty = Enter a note
staff-done-note = Your note has been added.
staff-actions = Actions
staff-assign = Assign
staff-assign-nobody = Nobody
staff-done-assign = The assignment has been saved.
staff-status-change = Change status
staff-done-status = The status has been changed.
staff-gap-label = Content gap
staff-gap-hint = If a guide should have answered this question, name it, so editors know what to improve.
staff-gap-none = No content gap
staff-gap-save = Save content gap
staff-done-gap = The content gap has been saved.
staff-safeguarding = Safeguarding
staff-safeguarding-hint = Flag this inquiry if the person may be at risk. The protection lead is emailed at once.
staff-safeguarding-raise = Flag for safeguarding
staff-safeguarding-clear = Remove the safeguarding flag
staff-done-flag = The safeguarding flag has been saved.
staff-data-request = Requests about personal data
staff-export-json = Export everything stored (JSON)
staff-erase = Erase this inquiry
staff-erase-title = Erase this inquiry
staff-erase-warning = This erases inquiry { $reference } everywhere: contact details, messages, notes and emails. Only a record without personal data stays. This cannot be undone.
staff-erase-confirm = Erase it for good
staff-erase-cancel = Cancel
staff-erased-title = The inquiry has been erased
staff-erased-body = Inquiry { $reference } has been erased. The audit log records that you did it.
staff-canned-title = Canned replies
staff-canned-lead = Ready-made answers to start a reply from. Each is in one language; the inquiry page offers those in the inquirer's language.
staff-canned-none = There are no canned replies yet.
staff-canned-name = Name
staff-canned-text = Text
staff-canned-delete = Delete
staff-canned-add = Add a canned reply
staff-canned-guide = Link to a guide
staff-canned-guide-hint = The guide's address, in the reply's language, is added at the end.
staff-canned-no-guide = No guide
staff-canned-save = Save canned reply
staff-error-canned-title = Enter a name of 200 characters or fewer
staff-error-canned-body = Enter the text, 20,000 characters or fewer

## Admin: accounts and audit
admin-users-title = Staff accounts
admin-user-state = State
admin-user-active = Active
admin-user-disabled = Disabled
admin-roles-of = Roles of { $email }
admin-save-roles = Save roles
admin-disable = Disable
admin-enable = Enable
admin-done-invited = The invitation has been sent.
admin-done-roles = The roles have been saved.
admin-done-disabled = The account has been disabled and signed out everywhere.
admin-done-enabled = The account has been enabled.
admin-invite-title = Invite a staff member
admin-invite-lead = We email them a link to create their account. The link works once and expires after 24 hours.
admin-invite-send = Send invitation
admin-error-roles = Choose at least one role
admin-audit-title = Audit log
admin-audit-lead = Who did what, and when. The log never holds the content of inquiries. Newest first.
admin-audit-action = Action
admin-audit-actor = Staff member
admin-audit-record = Record
admin-audit-when = When
admin-audit-detail = Detail
admin-audit-empty = No entries match.

## Staff emails
email-staff-greeting = Hello,
email-staff-no-details = For privacy, this email holds no personal details and no message text. Sign in to read them.
email-link-expires-minutes = The link works once, for { $minutes } minutes.
email-link-expires-hours = The link works once, for { $hours } hours.
email-reset-subject = Reset your Homeward staff password
email-reset-body = Someone asked to reset the password of your Homeward staff account. To choose a new password, open this link:
email-reset-ignore = If it was not you, ignore this email: your password stays the same.
email-invite-subject = You are invited to Homeward staff
email-invite-body = You have been invited to join the staff of Homeward. To create your account, open this link:
email-invite-ignore = If you did not expect this, ignore this email.
email-safeguarding-subject = Safeguarding flag on inquiry { $reference }
email-safeguarding-body = A caseworker has flagged inquiry { $reference } for safeguarding. Please look at it now:
email-digest-subject = { $count ->
    [one] Your open inquiry today
   *[other] Your { $count } open inquiries today
}
email-digest-body = { $count ->
    [one] You have 1 open inquiry.
   *[other] You have { $count } open inquiries.
}
email-digest-overdue = { $count ->
    [one] 1 of them is overdue.
   *[other] { $count } of them are overdue.
}
email-digest-queue = Open your queue:

## Content administration
staff-nav-content = Content
staff-nav-translations = Translations
admin-content-title = Content
admin-content-lead = Every guide, its state in each language, and its review date. Saving a translation makes a new revision; publishing changes the public site at once.
admin-translations-title = Translations
admin-guide = Guide
admin-guide-state = State
admin-review-by = Review by
admin-review-due = Review due
admin-published = Published
admin-draft = Draft
admin-publish = Publish
admin-unpublish = Unpublish
admin-edit = Edit
admin-state-missing = Missing
admin-state-outdated = Outdated
admin-state-current = Up to date
admin-done-published = The guide has been published.
admin-done-unpublished = The guide has been unpublished.
admin-done-reviewed = The guide has been confirmed as correct. Its next review is in a year.
admin-coverage = Coverage per language
admin-coverage-percent = Up to date
admin-translations-grid = Guides and languages
admin-review-title = Guides past their review date
admin-review-none = No guide is past its review date.
admin-review-confirm = Still correct in all languages
admin-editor-title = Edit ({ $language })
admin-back-to-content = Back to content
admin-back-to-editor = Back to the editor
admin-revisions = Revisions
admin-view-public = View the public page
admin-conflict-title = Someone else saved this translation while you were editing
admin-conflict-body = Their version is below. Your text is still in the form: compare the two, merge what you need, then save again.
admin-error-conflict = Someone else saved this translation first. Check their version before saving yours.
admin-field-title = Title
admin-field-summary = Summary
admin-field-body = Text
admin-field-body-hint = Markdown: ## for headings, - for lists, [text](address) for links. Use Preview to see the page as readers will.
admin-change-kind = Kind of change
admin-change-minor = Minor change
admin-change-minor-hint = Typing errors, wording. Readers are not told and other languages stay up to date.
admin-change-major = Major change
admin-change-major-hint = Something readers need to know. The change note is published and, for the source language, the other languages are marked outdated.
admin-field-change-note = Change note
admin-preview = Preview
admin-save = Save
admin-preview-heading = Preview
admin-source = Source ({ $language })
admin-source-hint = The text to translate. Read only.
admin-source-is-this = This is the source language: translations follow it.
admin-source-missing = There is no source text yet.
admin-done-saved = Saved as revision { $revision }.
admin-unchanged = Nothing has changed, so nothing was saved.
admin-error-title = Enter a title of 200 characters or fewer
admin-error-summary = The summary must be 500 characters or fewer
admin-error-body = Enter the text, 100,000 characters or fewer
admin-error-change-note = Enter a change note for a major change
admin-diff-from = From revision
admin-diff-to = To revision
admin-diff-show = Compare
admin-diff-title = Changes
admin-revision-list = All revisions
admin-rollback = Roll back to this revision
error-410-title = This guide has been withdrawn
error-410-body = The information on this page is no longer offered, usually because it was out of date. Find current guidance from the home page or search.

## Admin: outbox, feedback, second factor reset
staff-nav-outbox = Email
staff-nav-feedback = Feedback
admin-reset-2fa = Reset two-step sign-in
admin-done-2fa-reset = Two-step sign-in has been reset and the person signed out. They can set it up again after signing in.
admin-outbox-title = Outgoing email
admin-outbox-lead = Email not yet delivered, failed first. Addresses are partly hidden. A failed message can be sent again.
admin-outbox-empty = Every email has been delivered.
admin-outbox-kind = Kind
admin-outbox-to = To
admin-outbox-attempts = Attempts
admin-outbox-error = Last error
admin-outbox-retry = Try again
admin-done-retry = The message will be sent again in a moment.
admin-mail-queued = Waiting
admin-mail-sending = Being sent
admin-mail-retrying = Will try again
admin-mail-failed = Failed
admin-mail-sent = Delivered
admin-feedback-title = Feedback
admin-feedback-lead = What readers said about guides, what they searched for without finding anything, and which guides caseworkers said should have answered a question.
admin-feedback-guides = Was this page useful?
admin-feedback-yes = Yes
admin-feedback-no = No
admin-feedback-comments = Latest comments
admin-feedback-none = Nothing yet.
admin-feedback-misses = Searches that found nothing
admin-feedback-search = Search
admin-feedback-times = Times
admin-feedback-last = Last seen
admin-feedback-gaps = Content gaps named by caseworkers

## Content administration: guides and topics
admin-new-guide = New guide
admin-new-guide-lead = Write the first version in { $language }. The guide starts as a draft; publish it from the content list when it is ready.
admin-new-topic = New topic
admin-edit-topic = Edit topic
admin-guide-settings = Settings
admin-field-slug = Web address name
admin-field-slug-hint = Lower-case letters a–z, digits and hyphens, for example birth-certificates. It cannot be changed later.
admin-create-draft = Create draft
admin-error-slug = Enter a web address name of lower-case letters, digits and hyphens
admin-error-slug-taken = This web address name is already used
admin-field-position = Order
admin-field-position-hint = A number; lower numbers come first.
admin-field-date-hint = For example 2027-06-30.
admin-field-replacement = If withdrawn, send readers to
admin-field-replacement-hint = When this guide is unpublished, readers who open it are sent to this guide instead of being told it was withdrawn.
admin-replacement-none = Nowhere: tell them it was withdrawn
admin-error-position = Enter a whole number from 0 to 10,000
admin-error-date = Enter a date like 2027-06-30
admin-done-settings = The settings have been saved.
admin-done-topic = The topic has been saved.

## Admin: settings
staff-nav-settings = Settings
admin-settings-title = Settings
admin-settings-lead = Changes here apply at once on every server and take precedence over the configuration file. Separate several addresses or languages with commas.
admin-setting-was = (The configuration file says: { $value })
admin-setting-languages = Enabled languages
admin-setting-hint-languages = Language codes, for example en, hy, az, ru. The default language stays enabled.
admin-setting-staff_notify = Staff told about new questions
admin-setting-hint-staff_notify = Email addresses. The email holds no personal details.
admin-setting-protection_lead = Protection lead
admin-setting-hint-protection_lead = Email addresses told at once when a caseworker flags a safeguarding concern.
admin-setting-retention_days = Days to keep closed questions
admin-setting-hint-retention_days = After this, a closed question is deleted and only a record without personal data stays.
admin-setting-acknowledge_days = Days to take up a new question
admin-setting-hint-acknowledge_days = Later ones show as overdue in the queue.
admin-setting-answer_days = Days to answer a question
admin-setting-hint-answer_days = Later ones show as overdue in the queue and in the daily digest.
admin-setting-require_admin_2fa = Administrators must use two-step sign-in
admin-setting-hint-require_admin_2fa = An administrator without it can do nothing but set it up.
admin-setting-quick_exit_url = "Leave this site quickly" goes to
admin-setting-hint-quick_exit_url = A harmless, common website, for example a weather or news site.
admin-setting-error-languages = Enter language codes that have translations, including the default language
admin-setting-error-staff_notify = Enter email addresses like name@example.org, separated by commas
admin-setting-error-protection_lead = Enter email addresses like name@example.org, separated by commas
admin-setting-error-retention_days = Enter a whole number of days from 1 to 36,500
admin-setting-error-acknowledge_days = Enter a whole number of days from 1 to 365
admin-setting-error-answer_days = Enter a whole number of days from 1 to 365
admin-setting-error-require_admin_2fa = Choose whether administrators must use two-step sign-in
admin-setting-error-quick_exit_url = Enter a web address starting with https://

## Where to get help (services directory)
services-title = Where to get help
services-lead = Offices and organisations that help people who return: public offices, free legal aid, health, education, employment and charities. Choose a region, a topic or a language they speak.
services-filters = Find a service
services-region = Region
services-topic = Topic
services-language = Language spoken
services-filter-any = Any
services-find = Show services
services-count = { $count ->
    [one] 1 service
   *[other] { $count } services
}
services-none = There are no services in the directory yet.
services-none-filtered = No service matches all of these choices. Try fewer choices, or ask us a question.
services-speaks = Speaks
services-checked = Last checked { $date }
services-stale-notice = These details were last checked on { $date }. Call before you go.
services-back = All services
services-kind = Kind of service
services-address = Address
services-open-map = Open in your map app
services-hours = Opening hours
services-phone = Phone
services-email = Email
services-website = Website
services-accessibility = Access
services-topics = Helps with
services-last-checked = Details last checked
services-where-to-get-help = Where to get help
services-find-more = Find more services
services-see-all = { $count ->
    [one] See the service
   *[other] See all { $count } services
}
service-kind-public_office = Public office
service-kind-legal_aid = Free legal aid
service-kind-health = Health
service-kind-education = Education
service-kind-employment = Employment
service-kind-ngo = Charity or community organisation

## Admin: directory of services
staff-nav-services = Services
admin-services-title = Services directory
admin-services-lead = The offices and organisations readers see under "Where to get help", oldest check first. Confirm a service's details after calling or visiting it.
admin-services-stale = { $count ->
    [one] 1 service has not been checked for a long time.
   *[other] { $count } services have not been checked for a long time.
}
admin-services-name = Service
admin-services-to-check = Check it
admin-services-mark-checked = Details checked today
admin-services-done-checked = The service is marked as checked today.
admin-services-files = To change a service's details, edit its file and load the folder with `homeward services import`.

## Teams and routing (/admin/teams)
admin-teams-title = Teams
admin-teams-lead = New questions go to the first team in this list with a matching rule. A question no rule matches goes to the default team.
admin-teams-none = There are no teams yet. Until there are, new questions go to the shared queue without a team.
admin-team-order = Order
admin-team-name = Team name
admin-team-rules = Routing rules
admin-team-languages = Languages the team speaks
admin-team-languages-hint = Shown to caseworkers when they hand a question over.
admin-team-members = Members
admin-team-default-tag = Default team
admin-team-no-rules = No rules
admin-team-move-up = Move up
admin-team-move-down = Move down
admin-team-new = Add a team
admin-team-create = Add team
admin-team-title = Team
admin-team-back = Back to teams
admin-team-notify = Notification email address (optional)
admin-team-notify-hint = The team is emailed here when a question arrives or is handed over. The email holds no personal details.
admin-team-default = This is the default team
admin-team-default-hint = The default team takes every question that no rule matches. There is only one default team.
admin-team-public = Name shown to the person who asked
admin-team-public-hint = If you tick the box, the status page tells the person which team is handling their question, using the name in their language (or the default language).
admin-team-show-publicly = Show this team's name to the person who asked
admin-team-public-name = Public name
admin-team-no-caseworkers = There are no caseworker accounts yet.
admin-team-rules-lead = A rule matches when each part you chose matches the question. Leave a part as "Any" to match everything.
admin-team-rule-topic = Topic
admin-team-rule-region = Region
admin-team-rule-lang = Language of the answer
admin-team-rule-any = Any
admin-team-rule-add = Add a rule
admin-team-rule-remove = Remove
admin-team-delete-title = Delete this team
admin-team-delete-lead = You can delete a team when none of its questions are open. Hand them to another team first.
admin-team-delete = Delete team
admin-team-done-saved = The team has been saved.
admin-team-done-created = The team has been added. Now add its members and rules.
admin-team-done-rule-added = The rule has been added.
admin-team-done-rule-removed = The rule has been removed.
admin-team-done-moved = The order of the teams has been changed.
admin-team-done-deleted = The team has been deleted.
admin-team-error-name = Enter a team name of up to 100 characters
admin-team-error-name-taken = There is already a team with this name
admin-team-error-email = Enter an email address in the correct format, like name@example.org
admin-team-error-public-name = Enter the public name, at least in the default language, or untick the box
admin-team-error-public-name-long = Public names can be up to 100 characters
admin-team-error-rule-empty = Choose a topic, a region or a language. Questions that match nothing go to the default team
admin-team-error-rule-choice = Choose from the lists
admin-team-error-rule-exists = This team already has this rule
admin-team-error-open-inquiries = This team still has open questions. Hand them to another team first
