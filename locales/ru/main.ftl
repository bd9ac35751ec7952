# UI strings for Russian. Every key here must exist in every other language (a test checks).

language-name = Русский
site-name = Homeward
site-tagline = Советы для тех, кто возвращается домой

## Page frame
skip-link = Перейти к основному содержанию
quick-exit = Быстро покинуть сайт
quick-exit-hint = Откроется нейтральный сайт. В истории браузера этот сайт всё равно останется.
language-switcher-label = Выберите язык
language-current = (текущий язык)
footer-privacy = Конфиденциальность
footer-free = Этот сервис бесплатный. Наши сотрудники никогда не попросят у вас деньги или пароли и не предложат встретиться наедине. Официальные сообщения от нас приходят только с адреса этого сайта.
footer-sample = Это пример текста. Организация, которая ведёт этот сервис, заменит его.

## Home page
home-title = Информация для тех, кто возвращается домой
home-lead = Практические советы о документах, жилье, работе, медицинской помощи и законах на вашем языке. Всё можно читать, не называя своего имени.
home-sample-notice = На этом сайте показаны примеры материалов. Организация, которая ведёт сайт, заменит их своими.
home-ask-heading = Задать вопрос
home-ask-body = Если вы не нашли нужную информацию, задайте вопрос консультанту. Называть своё имя не обязательно.

## Privacy notice
privacy-title = Конфиденциальность
privacy-lead = Здесь объясняется, какие данные о вас хранит этот сервис, как долго и кто может их видеть.
privacy-reading-heading = Когда вы читаете страницы
privacy-reading-body = Мы не используем файлы cookie и веб-аналитику и ничего не загружаем с других сайтов. Мы не сохраняем ваш IP-адрес вместе с тем, что вы читаете.
privacy-asking-heading = Когда вы задаёте вопрос
privacy-asking-body = Мы храним ваш вопрос, выбранные вами тему и регион, а также те контактные данные, которые вы решите оставить. Ваш вопрос и контактные данные зашифрованы. Прочитать их могут только консультанты, которые отвечают на вопросы. Каждый раз, когда консультант открывает вопрос, это записывается. Выбранные вами тему, регион и язык мы используем только для того, чтобы передать ваш вопрос группе, которая может на него ответить.
privacy-keeping-heading = Как долго мы храним данные
privacy-keeping-body = Когда ваш вопрос закрыт, мы удаляем его и ваши контактные данные через установленный срок. Вы можете попросить нас удалить их раньше.
privacy-rights-heading = Ваш выбор
privacy-rights-body = Вы не обязаны называть своё имя, адрес электронной почты или номер телефона. Вы можете попросить копию данных о вас, которые мы храним, или попросить их удалить.

## Error pages
error-back-home = Перейти на главную страницу
error-request-id = Если вы будете обращаться к нам по этому поводу, назовите этот код: { $id }
error-400-title = В запросе что-то не так
error-400-body = Проверьте адрес страницы или форму и попробуйте ещё раз.
error-403-title = Вы не можете открыть эту страницу
error-403-body = Возможно, вам нужно войти в систему. Или у вашей учётной записи нет доступа к этой странице.
error-404-title = Страница не найдена
error-404-body = Если вы вводили адрес вручную, проверьте, что он правильный. Если вы вставили адрес, проверьте, что скопировали его полностью.
error-405-title = Эту страницу нельзя использовать таким образом
error-405-body = Вернитесь назад и попробуйте ещё раз.
error-413-title = Вы отправили слишком много данных
error-413-body = Сократите текст и попробуйте ещё раз.
error-429-title = Слишком много попыток
error-429-body = Подождите несколько минут и попробуйте ещё раз.
error-500-title = Извините, в работе сервиса возникла проблема
error-500-body = Попробуйте позже.
error-503-title = Извините, сервис сейчас недоступен
error-503-body = Попробуйте позже.
error-busy-title = Сейчас входят очень многие
error-busy-body = Ничего не изменилось. Подождите несколько секунд, вернитесь назад и отправьте форму ещё раз.
error-408-title = Форма шла слишком долго
error-408-body = Ваше соединение передавало форму слишком медленно, поэтому ничего не сохранено. Вернитесь назад и отправьте её ещё раз: введённый текст обычно остаётся на месте.
error-language-title = Этот язык недоступен
error-language-body = Сервис доступен на этих языках:

## Forms
error-prefix = Ошибка
error-summary-title = Возникла проблема
button-continue = Продолжить

## Creating a staff account (first administrator or invitation)
setup-title-first = Создайте первую учётную запись администратора
setup-lead-first = С этой учётной записью можно управлять сотрудниками, материалами и настройками, а также отвечать на вопросы. Укажите адрес электронной почты, к которому есть доступ только у вас.
setup-title-invite = Создайте учётную запись сотрудника
setup-lead-invite = Придумайте пароль для своей учётной записи.
setup-email-label = Адрес электронной почты
setup-email-hint = Он понадобится вам для входа.
setup-password-label = Пароль
setup-password-hint = Не менее 12 символов. Несколько не связанных между собой слов легко запомнить и трудно угадать.
setup-confirm-label = Введите пароль ещё раз
setup-submit = Создать учётную запись
setup-invalid-title = Эту ссылку нельзя использовать
setup-invalid-body = Срок действия ссылки истёк, ею уже воспользовались или она скопирована не полностью.
setup-invalid-help = Попросите администратора прислать новую ссылку. Если вы настраиваете сервис, перезапустите его, чтобы получить новую ссылку для первой учётной записи.
setup-done-title = Ваша учётная запись создана
setup-done-body = Теперь вы можете войти, используя свой адрес электронной почты и пароль.
setup-error-email-empty = Введите адрес электронной почты
setup-error-email-invalid = Введите адрес электронной почты в правильном формате, например name@example.org
setup-error-email-taken = Учётная запись с этим адресом электронной почты уже существует
setup-error-password-short = Пароль должен содержать не менее 12 символов
setup-error-password-long = Пароль должен содержать не более 256 символов
setup-error-password-mismatch = Пароли не совпадают

## Dates: { $day } { $month } { $year }, month names as they appear in a date
date-format = { $day } { $month } { $year } г.
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

## Public guidance pages
nav-home = Главная
breadcrumbs-label = Навигационная цепочка
topics-heading = Темы
recent-heading = Последние обновления
recent-empty = Обновлений пока нет.
search-label = Поиск по материалам
search-button = Найти
search-title = Поиск
search-results-count = { $count ->
    [one] Найден { $count } материал по запросу «{ $query }»
    [few] Найдено { $count } материала по запросу «{ $query }»
    [many] Найдено { $count } материалов по запросу «{ $query }»
   *[other] Найдено { $count } материала по запросу «{ $query }»
}
search-no-results = По запросу «{ $query }» ничего не найдено.
search-no-results-help = Проверьте, правильно ли написаны слова. Попробуйте ввести меньше слов или другие слова. Или выберите тему на главной странице.
search-empty = Введите слово для поиска, например «паспорт».
search-shortened = Запрос был длинным, поэтому учтены только первые слова.
topic-guides-heading = Материалы
topic-empty = В этой теме пока нет материалов.
topic-page-title = { $topic } (страница { $page } из { $pages })
pagination-label = Страницы
pagination-previous = Предыдущая страница
pagination-next = Следующая страница
pagination-page = Страница { $page }
guide-last-updated = Последнее обновление: { $date }
guide-what-changed = Что изменилось: { $note }
guide-contents = Содержание
guide-related = Материалы по теме
guide-related-all = Все материалы по теме «{ $topic }»
guide-fallback-notice = Этот материал пока не переведён на ваш язык, поэтому он показан на другом языке: { $language }.
guide-outdated-notice = Возможно, этот перевод устарел. Исходный текст ({ $language }) изменился после того, как его перевели.
guide-in-language = Читать на языке: { $language }
feedback-heading = Была ли эта страница полезной?
feedback-yes = Да
feedback-no = Нет
feedback-comment-label = Как нам улучшить эту страницу? (необязательно)
feedback-comment-hint = Не пишите своё имя, контактные данные и другую личную информацию. Мы не можем ответить на отзыв. Чтобы задать вопрос консультанту, воспользуйтесь формой для вопросов.
feedback-submit = Отправить отзыв
feedback-thanks-title = Спасибо за ваш отзыв
feedback-thanks-body = Ваш отзыв помогает нам улучшать эти материалы.
feedback-back = Вернуться на страницу «{ $title }»
feedback-error-choice = Выберите «Да», если эта страница была полезной, или «Нет», если не была
feedback-error-comment-long = Комментарий должен содержать не более 1000 символов
feedback-error-expired = Форма была открыта слишком долго. Отправьте отзыв ещё раз.
feed-title = Homeward – обновления
feed-link = Обновления в виде ленты (Atom)

## Emails
email-greeting = Здравствуйте!
email-ack-subject = Мы получили ваш вопрос
email-ack-body = Спасибо, что написали нам. Консультант прочитает ваш вопрос и ответит как можно скорее, обычно в течение нескольких рабочих дней.
email-ack-check = Вы можете читать ответы и снова писать нам на этой странице, используя код обращения, который вы получили при отправке вопроса:
email-never-code = В целях безопасности в этом письме нет вашего кода обращения. Мы никогда не попросим вас сообщить его по электронной почте или по телефону.
email-free-notice = Этот сервис бесплатный. Мы никогда не попросим у вас деньги или пароли.
email-reply-subject = На ваш вопрос есть ответ
email-reply-body = Консультант ответил на ваш вопрос. Чтобы прочитать ответ, введите код обращения на этой странице:
email-staff-subject = Новый вопрос
email-staff-body = Поступил новый вопрос. Прочитать его можно в разделе для сотрудников.
email-staff-reference = Регистрационный номер
email-staff-topic = Тема
email-staff-language = Язык ответа
email-staff-open = Открыть вопрос
email-staff-no-topic = Другое
email-staff-team = Группа
email-staff-handover-subject = Вопрос передан вашей группе
email-staff-handover-body = Вашей группе передан вопрос. Прочитать его можно в разделе для сотрудников.

## Asking a question
contact-link = Задать вопрос
contact-title = Задать вопрос
contact-lead = Консультант прочитает ваш вопрос и ответит на него. Называть своё имя и оставлять контактные данные не обязательно.
contact-topic-label = О чём ваш вопрос?
contact-topic-other = Другое
contact-region-label = К какому региону относится ваш вопрос? (необязательно)
contact-region-hint = Так мы сможем передать ваш вопрос группе, которая знает местные учреждения.
contact-region-none = Не знаю или не хочу указывать
contact-message-label = Ваш вопрос
contact-message-hint = Опишите ситуацию своими словами. Не пишите пароли и банковские данные.
contact-lang-label = На каком языке вам ответить?
contact-method-legend = Как вам ответить?
contact-method-email = По электронной почте
contact-method-phone = По телефону
contact-method-receipt = Я проверю ответ на этом сайте с помощью кода обращения
contact-method-receipt-hint = В этом случае нам не нужны ваши контактные данные.
contact-details-heading = Ваши данные (необязательно)
contact-details-hint = Укажите только то, что нужно, чтобы вам ответить. Если вы выбрали ответ по электронной почте или по телефону, нам нужен этот адрес или номер.
contact-name-label = Имя (необязательно)
contact-email-label = Адрес электронной почты (необязательно)
contact-phone-label = Номер телефона (необязательно)
contact-consent-label = Я даю согласие на хранение моего вопроса на условиях, описанных на странице «Конфиденциальность».
contact-consent-link = Открыть страницу «Конфиденциальность»
contact-submit = Отправить вопрос
contact-error-topic = Выберите тему из списка
contact-error-region = Выберите регион из списка или «Не знаю»
contact-error-message-empty = Напишите свой вопрос
contact-error-message-long = Вопрос должен содержать не более 5000 символов
contact-error-lang = Выберите язык ответа
contact-error-method = Выберите, как вам ответить
contact-error-name-long = Имя должно содержать не более 100 символов
contact-error-email-invalid = Введите адрес электронной почты в правильном формате, например name@example.org
contact-error-email-dots = Адрес электронной почты не может начинаться или заканчиваться точкой перед @ или содержать там две точки подряд
contact-error-email-hidden = В адресе электронной почты есть невидимый символ, например пробел нулевой ширины: введите адрес вручную, а не вставляйте его
contact-error-email-needed = Введите адрес электронной почты или выберите другой способ ответа
contact-error-phone-invalid = Введите номер телефона, используя только цифры, пробелы и символы + ( ) -
contact-error-phone-needed = Введите номер телефона или выберите другой способ ответа
contact-error-consent = Поставьте отметку, чтобы дать согласие на хранение вопроса
contact-error-expired = Форма была открыта слишком долго или отправлена слишком быстро. Проверьте вопрос и отправьте его ещё раз.
contact-error-reused = Эта форма уже использовалась для другого вопроса. Проверьте вопрос и отправьте его ещё раз.
sent-title = Ваш вопрос отправлен
sent-code-label = Ваш код обращения
sent-code-hint = Запишите этот код или распечатайте эту страницу. Код понадобится вам, чтобы прочитать наш ответ. Мы не сможем показать его ещё раз и никогда не попросим вас его сообщить.
sent-next-heading = Что будет дальше
sent-next-email = Когда будет ответ, мы отправим вам письмо. В письме не будет ни вашего вопроса, ни кода.
sent-next-phone = Консультант вам позвонит.
sent-next-receipt = Чтобы прочитать ответ, вернитесь на этот сайт и введите код обращения.
sent-status-link = Проверить статус вопроса
sent-earlier-title = Эта форма уже была отправлена
sent-earlier-text = Мы получили этот вопрос некоторое время назад. Ради вашей безопасности мы не показываем его код обращения повторно.
sent-earlier-lost = Если вы потеряли код, вы можете отправить вопрос ещё раз через новую форму. Вы получите новый код. Если вы указали адрес электронной почты или номер телефона, мы всё равно ответим вам туда.
sent-earlier-new-link = Задать новый вопрос
status-title = Проверить статус вопроса
status-lead = Введите код обращения, который вы получили, когда отправили вопрос.
status-code-label = Код обращения
status-code-hint = Например, K7QM-4XPD-9TBW-2HNC
status-submit = Показать мой вопрос
status-not-found = Вопрос с таким кодом не найден. Проверьте, что вы ввели код точно так, как он был показан.
status-heading = Ваш вопрос
status-handled-by = Вашим вопросом занимается
status-state-label = Статус
status-new = Получен
status-in_progress = В работе
status-answered = Есть ответ
status-closed = Закрыт
status-you = Вы написали
status-caseworker = Консультант
status-followup-label = Написать нам ещё раз
status-followup-hint = Добавьте информацию или задайте ещё один вопрос на ту же тему.
status-followup-submit = Отправить сообщение
status-followup-sent = Ваше сообщение отправлено.
status-error-followup-empty = Напишите сообщение
status-error-followup-long = Сообщение должно содержать не более 5000 символов

## Staff area: signing in
staff-nav-label = Меню для сотрудников
staff-nav-queue = Вопросы
staff-nav-replies = Шаблоны ответов
staff-nav-users = Учётные записи сотрудников
staff-nav-teams = Группы
staff-nav-audit = Журнал действий
staff-nav-account = Ваша учётная запись
staff-sign-out = Выйти
staff-login-title = Вход для сотрудников Homeward
staff-login-lead = Этот раздел предназначен для специалистов, редакторов и администраторов.
staff-login-submit = Войти
staff-login-forgot = Забыли пароль?
staff-signed-out = Вы вышли из системы.
staff-sign-in-needed = Войдите, чтобы продолжить. Если вы уже входили в систему, сеанс завершился, потому что какое-то время вы ничего не делали.
staff-error-email-empty = Введите адрес электронной почты
staff-error-password-empty = Введите пароль
staff-error-credentials = Неверный адрес электронной почты или пароль
staff-error-throttled = Слишком много неудачных попыток. В целях безопасности подождите 15 минут и попробуйте ещё раз.
staff-code-title = Введите код безопасности
staff-code-label = Код безопасности
staff-code-hint = 6-значный код из приложения-аутентификатора или один из ваших резервных кодов.
staff-code-submit = Продолжить
staff-code-cancel = Отменить и выйти
staff-error-code = Код неверный или уже использован. Введите текущий код из приложения.
staff-back-to-login = Вернуться на страницу входа
staff-back-to-start = Перейти в начало раздела для сотрудников
staff-refused-origin-title = Эта форма отправлена не с этого сайта
staff-refused-origin-body = В целях безопасности формы для сотрудников принимаются только со страниц этого сайта. Вернитесь назад, обновите страницу и попробуйте ещё раз.
staff-refused-csrf-title = Срок действия формы истёк
staff-refused-csrf-body = Страница была открыта слишком долго, или за это время вы снова вошли в систему. Вернитесь назад, обновите страницу и попробуйте ещё раз. Сначала скопируйте всё, что вы ввели.
staff-reset-title = Сброс пароля
staff-reset-lead = Введите адрес электронной почты вашей учётной записи сотрудника. Если такая учётная запись есть, мы отправим на этот адрес ссылку, чтобы вы могли задать новый пароль.
staff-reset-submit = Отправить ссылку
staff-reset-sent-title = Проверьте почту
staff-reset-sent-body = Если этот адрес принадлежит учётной записи сотрудника, мы отправили на него ссылку, чтобы задать новый пароль. Ссылка действует один час, и воспользоваться ею можно только один раз.
staff-reset-sent-help = Если письмо не пришло в течение нескольких минут, проверьте папку «Спам» или обратитесь к администратору.
staff-reset-invalid-title = Эту ссылку нельзя использовать
staff-reset-invalid-body = Срок действия ссылки истёк, или ею уже воспользовались. Запросите новую ссылку на странице входа.
staff-new-password-title = Придумайте новый пароль
staff-new-password-label = Новый пароль
staff-new-password-submit = Сохранить новый пароль
staff-reset-done-title = Ваш пароль изменён
staff-reset-done-body = Вы вышли из системы на всех устройствах. Войдите с новым паролем.
staff-error-password-common = Этот пароль слишком распространённый, или его легко угадать. Придумайте более длинную фразу, которую вы больше нигде не используете.

## Staff area: account
staff-account-title = Ваша учётная запись
staff-account-roles = Роли
staff-role-caseworker = Специалист
staff-role-editor = Редактор
staff-role-admin = Администратор
staff-account-language = Язык
staff-account-language-label = Язык страниц для сотрудников и ваших писем
staff-save = Сохранить
staff-done-language = Язык сохранён.
staff-account-password = Пароль
staff-current-password-label = Текущий пароль
staff-password-change-hint = После смены пароля вы выйдете из системы на всех устройствах. Затем войдите снова с новым паролем.
staff-password-change = Сменить пароль
staff-done-password = Ваш пароль изменён.
staff-error-current-password = Текущий пароль введён неверно
staff-account-2fa = Двухэтапный вход
staff-2fa-on = Двухэтапный вход включён
staff-2fa-off = Двухэтапный вход выключен. Включите его, чтобы никто не смог открыть вашу учётную запись, зная только украденный пароль.
staff-2fa-enable = Настроить двухэтапный вход
staff-2fa-codes-left = { $count ->
    [one] У вас остался { $count } неиспользованный резервный код.
    [few] У вас осталось { $count } неиспользованных резервных кода.
    [many] У вас осталось { $count } неиспользованных резервных кодов.
   *[other] У вас осталось { $count } неиспользованного резервного кода.
}
staff-2fa-disable-label = Чтобы выключить двухэтапный вход, введите текущий код
staff-2fa-disable = Выключить двухэтапный вход
staff-2fa-required-hint = В этом сервисе администраторы обязаны использовать двухэтапный вход.
staff-error-2fa-required = Администраторы должны оставить двухэтапный вход включённым
staff-done-2fa-off = Двухэтапный вход выключен.
staff-2fa-setup-title = Настройте двухэтапный вход
staff-2fa-required = Администраторы обязаны использовать двухэтапный вход. Настройте его, чтобы продолжить.
staff-2fa-step-app = Установите на телефон приложение-аутентификатор, если его у вас ещё нет.
staff-2fa-step-scan = Отсканируйте этот код в приложении.
staff-2fa-qr-label = QR-код для добавления Homeward в приложение-аутентификатор
staff-2fa-step-type = Если отсканировать код не получается, введите в приложении этот ключ:
staff-2fa-step-code = Введите 6-значный код, который показывает приложение.
staff-2fa-confirm = Включить двухэтапный вход
staff-recovery-title = Двухэтапный вход включён
staff-recovery-lead = Храните эти резервные коды в надёжном месте, отдельно от телефона. Если вы потеряете телефон, каждый код позволит вам войти один раз.
staff-recovery-once = Эти коды показываются только сейчас, больше вы их не увидите.
staff-continue = Продолжить
staff-account-sessions = Где выполнен вход
staff-session-started = Время входа
staff-session-last-seen = Последняя активность
staff-session-this = Этот браузер
staff-sign-out-everywhere = Выйти на всех устройствах
staff-done-sessions = Вы вышли из системы на всех других устройствах.

## Staff area: inquiries
staff-queue-title = Вопросы
staff-filters = Фильтр вопросов
staff-filter-open = Открытые (не закрытые)
staff-filter-all = Все
staff-filter-any = Все
staff-filter-anyone = Любой сотрудник
staff-filter-mine = Назначенные мне
staff-filter-unassigned = Не назначенные
staff-filter-overdue = Только просроченные
staff-filter-apply = Применить фильтры
staff-queue-count = { $count ->
    [one] { $count } вопрос
    [few] { $count } вопроса
    [many] { $count } вопросов
   *[other] { $count } вопроса
}
staff-queue-empty = По этим фильтрам вопросов нет.
staff-export-csv = Скачать в формате CSV (без персональных данных)
staff-col-reference = Номер
staff-col-status = Статус
staff-col-topic = Тема
staff-col-language = Язык
staff-col-assignee = Исполнитель
staff-col-age = Давность
staff-status-new = Новый
staff-status-in_progress = В работе
staff-status-answered = Дан ответ
staff-status-closed = Закрыт
staff-age-days = { $count ->
    [0] сегодня
    [one] { $count } день
    [few] { $count } дня
    [many] { $count } дней
   *[other] { $count } дня
}
staff-late-acknowledge = Не взят в работу вовремя
staff-late-answer = Ответ просрочен
staff-overdue = Просрочен
staff-unassigned = Не назначен
staff-col-team = Группа
staff-col-region = Регион
staff-no-team = Без группы
staff-filter-any-team = Любая группа
staff-filter-my-teams = Мои группы
staff-filter-no-team = Без группы
staff-handover-label = Группа
staff-handover-hint = Передайте вопрос другой группе, если она может ответить лучше. Группа получит письмо; после этого вопрос видят только эта группа и руководители.
staff-handover = Передать
staff-done-team = Вопрос передан выбранной группе.
staff-done-team-same = Вопрос уже был у этой группы. Ничего не изменилось.
staff-done-team-away = Вопрос передан выбранной группе. Вы не входите в эту группу, поэтому вопрос больше не в вашем списке.
staff-handover-choose = Выберите группу
staff-error-team = Выберите группу, которой нужно передать вопрос
staff-topic-none = Без темы
staff-pages = Страницы
staff-page-previous = Предыдущая страница
staff-page-next = Следующая страница
staff-page-of = Страница { $page }
staff-safeguarding-tag = Сигнал о риске
staff-back-to-queue = Назад к списку вопросов
staff-case-title = Вопрос { $reference }
staff-safeguarding-raised = По этому вопросу подан сигнал о риске: человек может быть в опасности. Ответственному за защиту уже сообщили.
staff-answer-language = Язык ответа
staff-contact-method = Способ ответа
staff-method-email = Электронная почта
staff-method-phone = Телефон
staff-method-receipt = Проверит ответ на сайте по коду обращения
staff-contact-name = Имя
staff-contact-email = Электронная почта
staff-contact-phone = Телефон
staff-thread = Сообщения
staff-from-inquirer = Автор вопроса
staff-from-staff = Специалист
staff-reply-title = Ответ
staff-canned-label = Начать с шаблона ответа
staff-canned-use = Использовать этот шаблон
staff-reply-label = Ваш ответ (язык: { $language })
staff-reply-hint-email = Автор вопроса прочитает ваш ответ на странице статуса и получит письмо о том, что есть ответ. Самого ответа в письме не будет.
staff-reply-hint-status = Автор вопроса прочитает ваш ответ на странице статуса, введя свой код обращения.
staff-reply-send = Отправить ответ
staff-error-reply-empty = Напишите ответ
staff-error-text-long = Текст должен содержать не более 20 000 символов
staff-done-reply = Ваш ответ отправлен.
staff-notes = Внутренние заметки
staff-notes-hint = Заметки видят только сотрудники. Автор вопроса никогда их не увидит.
staff-note-label = Новая заметка
staff-note-add = Добавить заметку
staff-error-note-empty = Напишите заметку
staff-done-note = Ваша заметка добавлена.
staff-actions = Действия
staff-assign = Назначить
staff-assign-nobody = Никому
staff-done-assign = Назначение сохранено.
staff-status-change = Изменить статус
staff-done-status = Статус изменён.
staff-gap-label = Пробел в материалах
staff-gap-hint = Если на этот вопрос должен был отвечать какой-то материал, укажите его, чтобы редакторы знали, что улучшить.
staff-gap-none = Пробела в материалах нет
staff-gap-save = Сохранить отметку о пробеле
staff-done-gap = Отметка о пробеле в материалах сохранена.
staff-safeguarding = Сигнал о риске
staff-safeguarding-hint = Подайте сигнал о риске, если человек может быть в опасности. Ответственному за защиту сразу придёт письмо.
staff-safeguarding-raise = Подать сигнал о риске
staff-safeguarding-clear = Снять сигнал о риске
staff-done-flag = Изменения по сигналу о риске сохранены.
staff-data-request = Запросы о персональных данных
staff-export-json = Выгрузить все сохранённые данные (JSON)
staff-erase = Удалить этот вопрос
staff-erase-title = Удалить этот вопрос
staff-erase-warning = Вопрос { $reference } будет удалён отовсюду: контактные данные, сообщения, заметки и письма. Останется только запись без персональных данных. Отменить это будет нельзя.
staff-erase-confirm = Удалить навсегда
staff-erase-cancel = Отмена
staff-erased-title = Вопрос удалён
staff-erased-body = Вопрос { $reference } удалён. В журнале действий записано, что это сделали вы.
staff-canned-title = Шаблоны ответов
staff-canned-lead = Готовые ответы, с которых можно начать. Каждый шаблон написан на одном языке. На странице вопроса предлагаются шаблоны на языке автора вопроса.
staff-canned-none = Шаблонов ответов пока нет.
staff-canned-name = Название
staff-canned-text = Текст
staff-canned-delete = Удалить
staff-canned-add = Добавить шаблон ответа
staff-canned-guide = Ссылка на материал
staff-canned-guide-hint = В конце ответа будет добавлен адрес материала на языке ответа.
staff-canned-no-guide = Без материала
staff-canned-save = Сохранить шаблон ответа
staff-error-canned-title = Введите название длиной не более 200 символов
staff-error-canned-body = Введите текст длиной не более 20 000 символов

## Admin: accounts and audit
admin-users-title = Учётные записи сотрудников
admin-user-state = Состояние
admin-user-active = Активна
admin-user-disabled = Отключена
admin-roles-of = Роли сотрудника { $email }
admin-save-roles = Сохранить роли
admin-disable = Отключить
admin-enable = Включить
admin-done-invited = Приглашение отправлено.
admin-done-roles = Роли сохранены.
admin-done-disabled = Учётная запись отключена, выход выполнен на всех устройствах.
admin-done-enabled = Учётная запись включена.
admin-invite-title = Пригласить сотрудника
admin-invite-lead = Мы отправим сотруднику письмо со ссылкой для создания учётной записи. Ссылкой можно воспользоваться один раз, она действует 24 часа.
admin-invite-send = Отправить приглашение
admin-error-roles = Выберите хотя бы одну роль
admin-error-caseworker-not-held = Роль специалиста может выдать только специалист. Обратитесь к администратору, который также является специалистом.
admin-audit-title = Журнал действий
admin-audit-lead = Кто, что и когда сделал. Содержание вопросов в журнале никогда не хранится. Сначала показаны самые новые записи.
admin-audit-action = Действие
admin-audit-actor = Сотрудник
admin-audit-record = Объект
admin-audit-when = Когда
admin-audit-detail = Подробности
admin-audit-empty = Подходящих записей нет.

## Staff emails
email-staff-greeting = Здравствуйте!
email-staff-no-details = В целях конфиденциальности в этом письме нет персональных данных и текста сообщений. Чтобы их прочитать, войдите в систему.
email-link-expires-minutes = Ссылкой можно воспользоваться один раз в течение { $minutes } мин.
email-link-expires-hours = Ссылкой можно воспользоваться один раз в течение { $hours } ч.
email-reset-subject = Сброс пароля сотрудника Homeward
email-reset-body = Кто-то запросил сброс пароля вашей учётной записи сотрудника Homeward. Чтобы задать новый пароль, откройте эту ссылку:
email-reset-ignore = Если это были не вы, просто не обращайте внимания на это письмо: ваш пароль не изменится.
email-invite-subject = Приглашение в раздел для сотрудников Homeward
email-invite-body = Вас пригласили стать сотрудником Homeward. Чтобы создать учётную запись, откройте эту ссылку:
email-invite-ignore = Если вы не ждали этого письма, просто не обращайте на него внимания.
email-safeguarding-subject = Сигнал о риске по вопросу { $reference }
email-safeguarding-body = Специалист подал сигнал о риске по вопросу { $reference }. Пожалуйста, посмотрите его сейчас:
email-digest-subject = { $count ->
    [one] Сегодня у вас { $count } открытый вопрос
    [few] Сегодня у вас { $count } открытых вопроса
    [many] Сегодня у вас { $count } открытых вопросов
   *[other] Сегодня у вас { $count } открытого вопроса
}
email-digest-body = { $count ->
    [one] У вас { $count } открытый вопрос.
    [few] У вас { $count } открытых вопроса.
    [many] У вас { $count } открытых вопросов.
   *[other] У вас { $count } открытого вопроса.
}
email-digest-overdue = { $count ->
    [one] Из них просрочен { $count }.
    [few] Из них просрочено { $count }.
    [many] Из них просрочено { $count }.
   *[other] Из них просрочено { $count }.
}
email-digest-queue = Открыть список вопросов:

## Content administration
staff-nav-content = Материалы
staff-nav-translations = Переводы
admin-content-title = Материалы
admin-content-lead = Все материалы, их состояние на каждом языке и дата проверки. При сохранении перевода создаётся новая версия. Публикация сразу меняет сайт для всех.
admin-translations-title = Переводы
admin-guide = Материал
admin-guide-state = Состояние
admin-review-by = Проверить до
admin-review-due = Нужна проверка
admin-published = Опубликован
admin-draft = Черновик
admin-publish = Опубликовать
admin-unpublish = Снять с публикации
admin-edit = Редактировать
admin-state-missing = Нет текста
admin-state-outdated = Устарел
admin-state-current = Актуален
admin-done-published = Материал опубликован.
admin-done-unpublished = Материал снят с публикации.
admin-done-reviewed = Подтверждено, что материал верен. Следующая проверка — через год.
admin-coverage = Охват по языкам
admin-coverage-percent = Актуально
admin-translations-grid = Материалы и языки
admin-review-title = Материалы с истёкшим сроком проверки
admin-review-none = Материалов с истёкшим сроком проверки нет.
admin-review-confirm = По-прежнему верно на всех языках
admin-editor-title = Редактирование ({ $language })
admin-back-to-content = Назад к материалам
admin-back-to-editor = Назад к редактору
admin-revisions = Версии
admin-view-public = Посмотреть страницу на сайте
admin-conflict-title = Пока вы редактировали, этот перевод сохранил другой сотрудник
admin-conflict-body = Сохранённый им вариант показан ниже. Ваш текст по-прежнему в форме: сравните оба варианта, перенесите нужное и сохраните ещё раз.
admin-error-conflict = Другой сотрудник сохранил этот перевод раньше вас. Прежде чем сохранять свой вариант, проверьте его вариант.
admin-field-title = Заголовок
admin-field-summary = Краткое описание
admin-field-body = Текст
admin-field-body-hint = Markdown: ## для заголовков, - для списков, [текст](адрес) для ссылок. Нажмите «Предпросмотр», чтобы увидеть страницу так, как её увидят читатели.
admin-change-kind = Тип изменения
admin-change-minor = Незначительное изменение
admin-change-minor-hint = Опечатки, формулировки. Читателям об этом не сообщается, а другие языки остаются актуальными.
admin-change-major = Существенное изменение
admin-change-major-hint = То, о чём читателям нужно знать. Описание изменения публикуется. Если это исходный язык, другие языки отмечаются как устаревшие.
admin-field-change-note = Описание изменения
admin-preview = Предпросмотр
admin-save = Сохранить
admin-preview-heading = Предпросмотр
admin-source = Исходный текст ({ $language })
admin-source-hint = Текст для перевода. Только для чтения.
admin-source-is-this = Это исходный язык: переводы делаются по этому тексту.
admin-source-missing = Исходного текста пока нет.
admin-done-saved = Сохранено как версия { $revision }.
admin-unchanged = Ничего не изменилось, поэтому ничего не сохранено.
admin-error-title = Введите заголовок длиной не более 200 символов
admin-error-summary = Краткое описание должно содержать не более 500 символов
admin-error-body = Введите текст длиной не более 100 000 символов
admin-error-change-note = Введите описание существенного изменения
admin-diff-from = Начальная версия
admin-diff-to = Конечная версия
admin-diff-show = Сравнить
admin-diff-title = Изменения
admin-revision-list = Все версии
admin-rollback = Вернуться к этой версии
error-410-title = Этот материал снят с публикации
error-410-body = Информация на этой странице больше не предоставляется. Обычно это значит, что она устарела. Актуальные материалы можно найти на главной странице или через поиск.

## Admin: outbox, feedback, second factor reset
staff-nav-outbox = Почта
staff-nav-feedback = Отзывы
admin-reset-2fa = Сбросить двухэтапный вход
admin-reset-2fa-code-label = Ваш текущий код безопасности
admin-error-2fa-own = Здесь нельзя сбросить собственный двухэтапный вход. Выключите его на странице своей учётной записи — там запрашивается код.
admin-done-2fa-reset = Двухэтапный вход сброшен, выход из системы выполнен на всех устройствах сотрудника. Войдя снова, сотрудник сможет настроить его заново.
admin-outbox-title = Исходящие письма
admin-outbox-lead = Письма, которые ещё не доставлены. Сначала показаны письма, которые не удалось отправить. Адреса частично скрыты. Неотправленное письмо можно отправить ещё раз.
admin-outbox-empty = Все письма доставлены.
admin-outbox-kind = Тип
admin-outbox-to = Кому
admin-outbox-attempts = Попытки
admin-outbox-error = Последняя ошибка
admin-outbox-retry = Отправить ещё раз
admin-done-retry = Письмо скоро будет отправлено ещё раз.
admin-mail-queued = Ожидает
admin-mail-sending = Отправляется
admin-mail-retrying = Будет отправлено повторно
admin-mail-failed = Не удалось отправить
admin-mail-sent = Доставлено
admin-feedback-title = Отзывы
admin-feedback-lead = Что читатели писали о материалах, что искали, но не нашли, и какие материалы, по мнению специалистов, должны были отвечать на вопрос.
admin-feedback-guides = Была ли эта страница полезной?
admin-feedback-yes = Да
admin-feedback-no = Нет
admin-feedback-comments = Последние комментарии
admin-feedback-none = Пока ничего нет.
admin-feedback-misses = Поисковые запросы без результатов
admin-feedback-search = Запрос
admin-feedback-times = Сколько раз
admin-feedback-last = Последний раз
admin-feedback-gaps = Пробелы в материалах, отмеченные специалистами

## Content administration: guides and topics
admin-new-guide = Новый материал
admin-new-guide-lead = Напишите первую версию на исходном языке ({ $language }). Сначала материал сохраняется как черновик. Когда он будет готов, опубликуйте его в списке материалов.
admin-new-topic = Новая тема
admin-edit-topic = Редактировать тему
admin-guide-settings = Настройки
admin-field-slug = Имя в адресе страницы
admin-field-slug-hint = Строчные латинские буквы a–z, цифры и дефисы, например birth-certificates. Позже изменить его нельзя.
admin-create-draft = Создать черновик
admin-error-slug = Введите имя в адресе страницы: строчные латинские буквы, цифры и дефисы
admin-error-slug-taken = Это имя в адресе страницы уже используется
admin-field-position = Порядок
admin-field-position-hint = Число. Чем меньше число, тем выше в списке.
admin-field-date-hint = Например, 2027-06-30.
admin-field-replacement = Куда направлять читателей, если материал снят с публикации?
admin-field-replacement-hint = Если этот материал снять с публикации, читатели, которые его откроют, будут перенаправлены на выбранный материал, а не увидят сообщение о том, что он снят с публикации.
admin-replacement-none = Никуда: сообщать, что материал снят с публикации
admin-error-position = Введите целое число от 0 до 10 000
admin-error-date = Введите дату в формате 2027-06-30
admin-done-settings = Настройки сохранены.
admin-done-topic = Тема сохранена.

## Admin: settings
staff-nav-settings = Настройки
admin-settings-title = Настройки
admin-settings-lead = Изменения на этой странице сразу действуют на всех серверах и имеют приоритет над файлом конфигурации. Если адресов или языков несколько, разделяйте их запятыми.
admin-setting-was = (В файле конфигурации: { $value })
admin-setting-languages = Включённые языки
admin-setting-hint-languages = Коды языков, например en, hy, az, ru. Основной язык всегда остаётся включённым.
admin-setting-staff_notify = Кому сообщать о новых вопросах
admin-setting-hint-staff_notify = Адреса электронной почты. В письме нет персональных данных.
admin-setting-protection_lead = Ответственный за защиту
admin-setting-hint-protection_lead = Адреса электронной почты, на которые сразу приходит письмо, когда специалист подаёт сигнал о риске.
admin-setting-retention_days = Сколько дней хранить закрытые вопросы
admin-setting-hint-retention_days = После этого срока закрытый вопрос удаляется, остаётся только запись без персональных данных.
admin-setting-acknowledge_days = За сколько дней взять новый вопрос в работу
admin-setting-hint-acknowledge_days = Вопросы, не взятые в работу за этот срок, отмечаются в списке вопросов как просроченные.
admin-setting-answer_days = За сколько дней ответить на вопрос
admin-setting-hint-answer_days = Вопросы без ответа после этого срока отмечаются как просроченные в списке вопросов и в ежедневной сводке.
admin-setting-require_admin_2fa = Администраторы обязаны использовать двухэтапный вход
admin-setting-hint-require_admin_2fa = Администратор без двухэтапного входа может только настроить его.
admin-setting-quick_exit_url = Куда ведёт кнопка «Быстро покинуть сайт»
admin-setting-hint-quick_exit_url = Безобидный, распространённый сайт, например сайт с прогнозом погоды или новостями.
admin-setting-error-languages = Введите коды языков, для которых есть переводы, включая основной язык
admin-setting-error-staff_notify = Введите адреса электронной почты в формате name@example.org через запятую
admin-setting-error-protection_lead = Введите адреса электронной почты в формате name@example.org через запятую
admin-setting-error-retention_days = Введите целое число дней от 1 до 36 500
admin-setting-error-acknowledge_days = Введите целое число дней от 1 до 365
admin-setting-error-answer_days = Введите целое число дней от 1 до 365
admin-setting-error-require_admin_2fa = Выберите, обязаны ли администраторы использовать двухэтапный вход
admin-setting-error-quick_exit_url = Введите адрес страницы, начинающийся с https://

## Where to get help (services directory)
services-title = Где получить помощь
services-lead = Учреждения и организации, которые помогают тем, кто возвращается: государственные учреждения, бесплатная юридическая помощь, медицинская помощь, образование, трудоустройство и благотворительные организации. Выберите регион, тему или язык, на котором с вами могут говорить.
services-filters = Найти службу
services-region = Регион
services-topic = Тема
services-language = Язык общения
services-filter-any = Все
services-find = Показать службы
services-count = { $count ->
    [one] { $count } служба
    [few] { $count } службы
    [many] { $count } служб
   *[other] { $count } службы
}
services-none = В списке пока нет служб.
services-none-filtered = Ни одна служба не подходит под всё, что вы выбрали. Выберите меньше условий или задайте нам вопрос.
services-speaks = Языки
services-checked = Последняя проверка: { $date }
services-stale-notice = Эти сведения последний раз проверялись { $date }. Прежде чем идти, позвоните.
services-back = Все службы
services-kind = Тип службы
services-address = Адрес
services-open-map = Открыть в приложении с картами
services-hours = Часы работы
services-phone = Телефон
services-email = Электронная почта
services-website = Сайт
services-accessibility = Доступность
services-topics = С чем помогают
services-last-checked = Сведения последний раз проверялись
services-where-to-get-help = Где получить помощь
services-find-more = Найти другие службы
services-see-all = { $count ->
    [one] Посмотреть { $count } службу
    [few] Посмотреть все { $count } службы
    [many] Посмотреть все { $count } служб
   *[other] Посмотреть все { $count } службы
}
service-kind-public_office = Государственное учреждение
service-kind-legal_aid = Бесплатная юридическая помощь
service-kind-health = Медицинская помощь
service-kind-education = Образование
service-kind-employment = Трудоустройство
service-kind-ngo = Благотворительная или общественная организация

## Admin: directory of services
staff-nav-services = Службы
admin-services-title = Список служб
admin-services-lead = Учреждения и организации, которые читатели видят в разделе «Где получить помощь». Сначала показаны службы, которые дольше всего не проверялись. Подтверждайте сведения о службе после того, как позвонили туда или побывали там.
admin-services-stale = { $count ->
    [one] { $count } служба давно не проверялась.
    [few] { $count } службы давно не проверялись.
    [many] { $count } служб давно не проверялись.
   *[other] { $count } службы давно не проверялись.
}
admin-services-name = Служба
admin-services-to-check = Нужна проверка
admin-services-mark-checked = Сведения проверены сегодня
admin-services-done-checked = Служба отмечена как проверенная сегодня.
admin-service-new = Добавить службу
admin-service-edit = Редактировать службу
admin-service-back = Назад к списку служб
admin-service-back-to-edit = Назад к службе
admin-service-view = Посмотреть страницу на сайте
admin-service-revisions = Предыдущие версии
admin-service-choose = Выберите…
admin-service-optional = (необязательно)
admin-service-required = обязательно
admin-service-other-languages = Другие языки общения
admin-service-other-languages-hint = Коды языков из 2 или 3 букв через запятую, например de, fa
admin-service-coordinates = Место на карте (необязательно)
admin-service-coordinates-hint = В десятичных градусах, например 40.1792 и 44.4991. Читатели получат ссылку, которая откроет приложение с картами на их телефоне.
admin-service-latitude = Широта
admin-service-longitude = Долгота
admin-service-texts = Название и описание на каждом языке
admin-service-texts-hint = Основной язык обязателен. Если оставить язык пустым, читатели увидят текст на основном языке.
admin-service-description = Описание
admin-service-checked-today = Эти сведения сегодня проверены мной (по телефону, на месте или на собственном сайте учреждения)
admin-service-done-saved = Служба сохранена. Читатели уже видят изменения.
admin-service-done-unchanged = Изменений не было, поэтому ничего не сохранено.
admin-service-conflict-lead = Пока вы редактировали, эту службу сохранил другой сотрудник. Удалённый текст — то, что сохранил он, добавленный — ваш. Ваши изменения по-прежнему в форме: проверьте их и сохраните ещё раз, чтобы они не потерялись.
admin-service-revisions-lead = Все сохранённые версии этой службы, сначала самые новые. Сравните предыдущую версию с текущей или восстановите её (она сохранится как новая версия).
admin-service-compare-title = Изменения с версии
admin-service-compare = Сравнить с текущей версией
admin-service-restore = Восстановить
admin-service-latest = Последняя сохранённая версия
admin-service-imported = Загружено из файлов
admin-service-error-slug = Введите имя в адресе страницы: строчные латинские буквы a–z, цифры и дефисы
admin-service-error-slug-taken = Служба с таким именем в адресе страницы уже существует
admin-service-error-kind = Выберите тип службы
admin-service-error-topics = Выберите хотя бы одну тему, с которой помогает служба
admin-service-error-region = Выберите регион
admin-service-error-address = Введите адрес (не более 300 символов)
admin-service-error-phone = Введите номер телефона, например +374 10 123456
admin-service-error-email = Введите адрес электронной почты в правильном формате, например office@example.org
admin-service-error-website = Введите адрес сайта, начинающийся с https://
admin-service-error-languages = Введите коды языков из 2 или 3 строчных латинских букв через запятую
admin-service-error-languages-none = Выберите хотя бы один язык общения
admin-service-error-coordinates = Введите числами и широту (от −90 до 90), и долготу (от −180 до 180) или оставьте оба поля пустыми
admin-service-error-text-default = Введите название и описание на основном языке ({ $language })
admin-service-error-text-incomplete = { $language }: введите и название, и описание или оставьте все поля этого языка пустыми
admin-service-error-long = { $language }: названия могут содержать не более 300 символов, остальные тексты — не более 5 000
admin-service-error-changed = Пока вы редактировали, эту службу сохранил другой сотрудник
admin-service-error-restore = Эту версию нельзя восстановить: в ней указаны тема, регион или язык, которых больше нет в списке. Вместо этого отредактируйте службу
admin-service-error-restore-changed = Другой сотрудник сохранил эту службу после того, как вы открыли эту страницу. Прежде чем восстанавливать версию, ещё раз просмотрите список версий
admin-services-files = Чтобы добавить или изменить сразу много служб, загрузите папку с файлами служб командой `homeward services import` (формат файлов описан в content/README.md).

## Teams and routing (/admin/teams)
admin-teams-title = Группы
admin-teams-lead = Новый вопрос попадает в первую группу в этом списке, у которой есть подходящее правило. Вопрос, к которому не подходит ни одно правило, попадает в основную группу.
admin-teams-none = Групп пока нет. Пока их нет, новые вопросы попадают в общий список вопросов без группы.
admin-team-order = Порядок
admin-team-name = Название группы
admin-team-rules = Правила распределения
admin-team-languages = Языки, на которых говорит группа
admin-team-languages-hint = Показываются специалистам, когда они передают вопрос.
admin-team-members = Участники
admin-team-members-hint = Участники видят и отвечают только на вопросы своих групп. Руководитель видит вопросы всех групп, а также вопросы без группы.
admin-team-lead = Руководитель: видит вопросы всех групп
admin-team-default-tag = Основная группа
admin-team-no-rules = Нет правил
admin-team-move-up = Переместить вверх
admin-team-move-down = Переместить вниз
admin-team-new = Добавить группу
admin-team-create = Добавить группу
admin-team-title = Группа
admin-team-back = Назад к группам
admin-team-notify = Адрес электронной почты для уведомлений (необязательно)
admin-team-notify-hint = На этот адрес группе приходит письмо, когда поступает новый вопрос или ей передают вопрос. В письме нет персональных данных.
admin-team-default = Это основная группа
admin-team-default-hint = В основную группу попадают все вопросы, к которым не подходит ни одно правило. Основная группа всегда ровно одна: если поставить здесь отметку, эта группа станет основной вместо нынешней.
admin-team-public = Название, которое видит автор вопроса
admin-team-public-hint = Если поставить отметку, на странице статуса автор вопроса увидит, какая группа занимается его вопросом. Название показывается на его языке (или на основном языке).
admin-team-show-publicly = Показывать название этой группы автору вопроса
admin-team-public-name = Публичное название
admin-team-no-caseworkers = Учётных записей специалистов пока нет.
admin-team-rules-lead = Правило подходит к вопросу, если с вопросом совпадает всё, что в нём выбрано. Чтобы условие подходило к любому вопросу, оставьте «Все».
admin-team-rule-topic = Тема
admin-team-rule-region = Регион
admin-team-rule-lang = Язык ответа
admin-team-rule-any = Все
admin-team-rule-add = Добавить правило
admin-team-rule-remove = Удалить
admin-team-delete-title = Удалить эту группу
admin-team-delete-lead = Группу можно удалить, когда у неё нет открытых вопросов. Сначала передайте их другой группе.
admin-team-delete = Удалить группу
admin-team-done-saved = Группа сохранена.
admin-team-done-created = Группа добавлена. Теперь добавьте участников и правила.
admin-team-done-rule-added = Правило добавлено.
admin-team-done-rule-removed = Правило удалено.
admin-team-done-moved = Порядок групп изменён.
admin-team-done-deleted = Группа удалена.
admin-team-error-name = Введите название группы длиной не более 100 символов
admin-team-error-name-taken = Группа с таким названием уже существует
admin-team-error-email = Введите адрес электронной почты в правильном формате, например name@example.org
admin-team-error-public-name = Введите публичное название хотя бы на основном языке или снимите отметку
admin-team-error-public-name-long = Публичное название должно содержать не более 100 символов
admin-team-error-rule-empty = Выберите тему, регион или язык. Вопросы, к которым не подходит ни одно правило, попадают в основную группу
admin-team-error-rule-choice = Выберите значения из списков
admin-team-error-rule-exists = У этой группы уже есть такое правило
admin-team-error-default = Основная группа должна быть всегда. Чтобы сменить её, откройте другую группу и отметьте её как основную
admin-team-error-open-inquiries = У этой группы ещё есть открытые вопросы. Сначала передайте их другой группе
