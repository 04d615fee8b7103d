from django.urls import path

from community import views

app_name = "community"

urlpatterns = [
    path("", views.home, name="home"),
    path("ask/", views.AskView.as_view(), name="ask"),
    # Before the question page, whose slug would otherwise swallow "answer".
    path("questions/<int:pk>/answer/", views.AnswerView.as_view(), name="answer"),
    path("questions/<int:pk>/follow/", views.follow, name="follow"),
    path("questions/<int:pk>/expert-answer/", views.staff_answer, name="staff_answer"),
    path("yours/<str:token>/", views.asker, name="asker"),
    path("questions/<int:pk>/<slug:slug>/", views.question_detail, name="question"),
    path("answers/<int:pk>/helpful/", views.helpful, name="helpful"),
    path("report/", views.report, name="report"),
]
