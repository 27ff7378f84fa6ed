-- A colleague's interface language (a BCP 47 tag such as de or pt-BR); null follows the network's
-- language (HALLWAY_LOCALE). Pushes name it as preferred_locale, mails and the web UI are marked with it.
alter table accounts add column locale text;
