from django.urls import path

from comments import views

app_name = "comments"

urlpatterns = [
    path("articles/<slug:slug>/comment/", views.CommentView.as_view(), name="post"),
    path("comments/<int:pk>/report/", views.report, name="report"),
]
