from django.urls import path, re_path

from comments import captcha, views

app_name = "comments"

# Before django-simple-captcha's own URLs, which answer the same paths without limits.
captcha_urls = [
    path("captcha/refresh/", captcha.refresh, name="captcha-refresh"),
    re_path(r"^captcha/audio/(?P<key>\w+).wav$", captcha.audio, name="captcha-audio"),
]

urlpatterns = [
    path("articles/<slug:slug>/comment/", views.CommentView.as_view(), name="post"),
    path("articles/<slug:slug>/feedback/", views.FeedbackView.as_view(), name="feedback"),
    path("comments/report/", views.report, name="report"),
]
