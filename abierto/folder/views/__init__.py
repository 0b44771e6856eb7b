"""The folder's HTML pages by concern: ``activation`` (landing, activation, logins),
``documents`` (documents and the access log), ``shares`` (links and the recipient's page),
``arco`` (the citizen's data and the staff's ARCO requests); ``common`` has their helpers."""
