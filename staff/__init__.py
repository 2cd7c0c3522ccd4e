"""The staff side: the curators' admin site, two-step login, the admin's start page
and language, and the page that gives back a save the database could not take."""
